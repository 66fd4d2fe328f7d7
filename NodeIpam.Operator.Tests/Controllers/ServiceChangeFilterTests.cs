using k8s.Models;
using NodeIpam.Operator.Controllers;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Controllers;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class ServiceChangeFilterTests
{
    private readonly WrittenStatuses written = new(new NamePool());

    [Test]
    public void Adds_are_reconciled_and_deletes_are_not()
    {
        var filter = new ServiceChangeFilter(written);
        filter.ShouldReconcile(new ObjectChange<V1Service>(null, Cached("1"))).Should().BeTrue();
        filter.ShouldReconcile(new ObjectChange<V1Service>(Cached("1"), null)).Should().BeFalse();
    }

    [Test]
    public void The_echo_of_our_own_write_is_skipped_but_another_status_is_reconciled()
    {
        var filter = new ServiceChangeFilter(written);
        var condition = new DesiredCondition("True", ServiceStatusNames.AssignedReason, "advertising 1 address of 1 node", DateTimeOffset.UnixEpoch);
        var before = Cached("1");
        var after = Cached("2", ingress: "10.0.0.1");
        after.Status.Conditions = [new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = condition.Reason, Message = condition.Message }];

        filter.ShouldReconcile(new ObjectChange<V1Service>(before, after)).Should().BeTrue();
        written.Record(new ObjectKey("shop", "web"), "1", ["10.0.0.1"], condition);
        filter.ShouldReconcile(new ObjectChange<V1Service>(before, after)).Should().BeFalse();

        var other = Cached("3", ingress: "10.0.0.2");
        other.Status.Conditions = after.Status.Conditions;
        filter.ShouldReconcile(new ObjectChange<V1Service>(after, other)).Should().BeTrue("someone else changed the addresses");
    }

    [Test]
    public void Changes_of_fields_the_controller_does_not_read_are_skipped()
    {
        var filter = new ServiceChangeFilter(written);
        var before = Cached("1");
        var after = Cached("2");
        after.Spec.Ports = [new V1ServicePort { Port = 80 }];
        after.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a" };

        filter.ShouldReconcile(new ObjectChange<V1Service>(before, after)).Should().BeFalse();
    }

    [Test]
    public void Selector_policy_and_status_changes_are_reconciled()
    {
        var filter = new ServiceChangeFilter(written);
        var before = Cached("1", ingress: "10.0.0.1");
        filter.ShouldReconcile(new ObjectChange<V1Service>(before, Cached("2", selector: "pool=blue", ingress: "10.0.0.1"))).Should().BeTrue();
        filter.ShouldReconcile(new ObjectChange<V1Service>(before, Cached("2", policy: "Local", ingress: "10.0.0.1"))).Should().BeTrue();
        filter.ShouldReconcile(new ObjectChange<V1Service>(before, Cached("2"))).Should().BeTrue("a user cleared the status");
    }

    private static V1Service Cached(string resourceVersion, string? selector = null, string? policy = null, string? ingress = null)
    {
        var service = Service(selector: selector, policy: policy);
        service.Metadata.ResourceVersion = resourceVersion;
        service.Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus { Ingress = ingress is null ? null : [new V1LoadBalancerIngress { Ip = ingress, IpMode = "VIP" }] },
        };
        return service;
    }
}
