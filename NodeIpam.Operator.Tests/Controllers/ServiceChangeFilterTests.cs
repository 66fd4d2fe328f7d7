using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Controllers;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class ServiceChangeFilterTests
{
    private readonly WrittenStatuses written = new();

    [Test]
    public void Adds_are_reconciled_and_deletes_are_not()
    {
        var filter = new ServiceChangeFilter(written);
        filter.ShouldReconcile(Change(null, Cached("1"))).Should().BeTrue();
        filter.ShouldReconcile(Change(Cached("1"), null)).Should().BeFalse();
    }

    [Test]
    public void The_echo_of_our_own_write_is_skipped_but_another_status_is_reconciled()
    {
        var filter = new ServiceChangeFilter(written);
        var condition = new DesiredCondition("True", ServiceStatusNames.AssignedReason, "advertising 1 address of 1 node", DateTimeOffset.UnixEpoch);
        var before = Cached("1");
        var after = Cached("2", ingress: "10.0.0.1");
        after.Status.Conditions = [new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = condition.Reason, Message = condition.Message }];

        filter.ShouldReconcile(Change(before, after)).Should().BeTrue();
        written.Record(new ObjectKey("shop", "web"), "1", IngressDigest.Of(["10.0.0.1"]), condition);
        filter.ShouldReconcile(Change(before, after)).Should().BeFalse();

        var other = Cached("3", ingress: "10.0.0.2");
        other.Status.Conditions = after.Status.Conditions;
        filter.ShouldReconcile(Change(after, other)).Should().BeTrue("someone else changed the addresses");
    }

    [Test]
    public void Changes_of_fields_the_controller_does_not_read_are_skipped()
    {
        var filter = new ServiceChangeFilter(written);
        var before = Cached("1");
        var after = Cached("2");
        after.Spec.Ports = [new V1ServicePort { Port = 80 }];
        after.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a" };

        filter.ShouldReconcile(Change(before, after)).Should().BeFalse();
    }

    [Test]
    public void Selector_policy_and_status_changes_are_reconciled()
    {
        var filter = new ServiceChangeFilter(written);
        var before = Cached("1", ingress: "10.0.0.1");
        filter.ShouldReconcile(Change(before, Cached("2", selector: "pool=blue", ingress: "10.0.0.1"))).Should().BeTrue();
        filter.ShouldReconcile(Change(before, Cached("2", policy: "Local", ingress: "10.0.0.1"))).Should().BeTrue();
        filter.ShouldReconcile(Change(before, Cached("2"))).Should().BeTrue("a user cleared the status");
    }

    [Test]
    public void Services_that_are_not_ours_are_skipped_unless_they_carry_our_condition()
    {
        var filter = new ServiceChangeFilter(written);
        var foreign = Cached("1", type: "ClusterIP");
        var changed = Cached("2", type: "ClusterIP", selector: "pool=blue");
        filter.ShouldReconcile(Change(null, foreign)).Should().BeFalse();
        filter.ShouldReconcile(Change(foreign, changed)).Should().BeFalse();

        var wasOurs = Cached("3", type: "ClusterIP");
        wasOurs.Status.Conditions = [new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = "AddressesAssigned", Message = "m" }];
        filter.ShouldReconcile(Change(null, wasOurs)).Should().BeTrue("found at start-up: our condition must go");
        filter.ShouldReconcile(Change(Cached("2"), wasOurs)).Should().BeTrue("it just stopped being ours");
        filter.ShouldReconcile(Change(Cached("2"), Cached("3", type: "ClusterIP"))).Should().BeTrue("it was ours");
    }

    [Test]
    public void The_echo_of_our_own_write_is_passed_on_when_a_reconcile_awaits_it()
    {
        var statuses = new WrittenStatuses();
        var filter = new ServiceChangeFilter(statuses);
        var key = new ObjectKey("shop", "web");
        var condition = new DesiredCondition("True", ServiceStatusNames.AssignedReason, "advertising 1 address of 1 node", DateTimeOffset.UnixEpoch);
        var before = Cached("1");
        var after = Cached("2", ingress: "10.0.0.1");
        after.Status.Conditions = [new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = condition.Reason, Message = condition.Message }];
        statuses.Record(key, "1", IngressDigest.Of(["10.0.0.1"]), condition);
        statuses.Succeeded(key, "2");

        statuses.AwaitEcho(key).Should().BeTrue();

        filter.ShouldReconcile(Change(before, after)).Should().BeTrue();
        filter.ShouldReconcile(Change(before, after)).Should().BeFalse("the wait is over: an echo again is only an echo");
    }

    // The change as the Service informer delivers it: the records its adapter makes of the two versions.
    private static ObjectChange<CachedService> Change(V1Service? old, V1Service? @new) => new(
        new ObjectKey("shop", "web"),
        old is null ? null : ServiceAdapter.From(old, ManagementOptions.Default),
        @new is null ? null : ServiceAdapter.From(@new, ManagementOptions.Default));

    private static V1Service Cached(string resourceVersion, string? selector = null, string? policy = null, string? ingress = null, string type = "LoadBalancer")
    {
        var service = Service(selector: selector, policy: policy, type: type);
        service.Metadata.ResourceVersion = resourceVersion;
        service.Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus { Ingress = ingress is null ? null : [new V1LoadBalancerIngress { Ip = ingress, IpMode = "VIP" }] },
        };
        return service;
    }
}
