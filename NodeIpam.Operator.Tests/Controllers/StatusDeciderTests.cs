using k8s.Models;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Events;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class StatusDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Earlier = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_new_service_gets_the_plan_a_true_condition_and_one_normal_event()
    {
        var service = Service();

        var decision = Decide(service, "10.0.0.9", "10.0.0.10");

        decision.NeedsWrite.Should().BeTrue();
        decision.Ingress.Should().Equal("10.0.0.9", "10.0.0.10");
        decision.Condition.Should().BeEquivalentTo(new { Status = "True", Reason = ServiceStatusNames.AssignedReason, LastTransitionTime = Now });
        decision.Events.Should().Equal(new ServiceEvent(EventType.Normal, ServiceStatusNames.AddressesChangedReason, "none → 10.0.0.9, 10.0.0.10"));
    }

    [Test]
    public void The_same_addresses_in_another_order_without_ip_mode_and_the_same_condition_need_no_write()
    {
        var first = Decide(Service(), "10.0.0.9", "10.0.0.10");
        var service = WithStatus(Service(), first.Condition, ("10.0.0.10", null), ("10.0.0.9", "VIP"));

        var decision = Decide(service, "10.0.0.9", "10.0.0.10");

        decision.NeedsWrite.Should().BeFalse();
        decision.Events.Should().BeEmpty();
    }

    [TestCase("Proxy")]
    [TestCase("bogus")]
    public void An_entry_in_another_ip_mode_is_rewritten(string mode)
    {
        var first = Decide(Service(), "10.0.0.9");
        var service = WithStatus(Service(), first.Condition, ("10.0.0.9", mode));

        var decision = Decide(service, "10.0.0.9");

        decision.NeedsWrite.Should().BeTrue();
        decision.Ingress.Should().Equal("10.0.0.9");
    }

    [Test]
    public void A_non_canonical_or_duplicate_entry_is_rewritten()
    {
        var first = Decide(Service(), "2001:db8::1");
        Decide(WithStatus(Service(), first.Condition, ("2001:DB8::1", null)), "2001:db8::1").NeedsWrite.Should().BeTrue();
        Decide(WithStatus(Service(), first.Condition, ("2001:db8::1", null), ("2001:db8::1", null)), "2001:db8::1").NeedsWrite.Should().BeTrue();
    }

    [Test]
    public void An_invalid_selector_keeps_the_addresses_and_warns_once()
    {
        var service = WithStatus(Service(selector: "pool in (blue"), condition: null, ("10.0.0.9", "VIP"));
        var plan = ServicePlanner.Plan(ServiceFacts.From(service, ManagementOptions.Default), [NodeFacts.From(Node("a", null, ("InternalIP", "10.0.0.1")))], []);

        var decision = StatusDecider.Decide(service, plan, Now);

        decision.Ingress.Should().BeNull("the current addresses are kept");
        decision.NeedsWrite.Should().BeTrue();
        decision.Condition.Reason.Should().Be(ServiceStatusNames.InvalidSelectorReason);
        decision.Events.Should().ContainSingle().Which.Type.Should().Be(EventType.Warning);

        var again = StatusDecider.Decide(WithStatus(service, decision.Condition, ("10.0.0.9", "VIP")), plan, Now.AddHours(1));
        again.NeedsWrite.Should().BeFalse();
        again.Events.Should().BeEmpty();
    }

    [Test]
    public void No_address_gives_a_false_condition_with_the_domain_reason_and_a_warning_per_new_warning()
    {
        var service = WithStatus(Service(selector: "pool=purple"), condition: null, ("10.0.0.9", "VIP"));
        var plan = ServicePlanner.Plan(ServiceFacts.From(service, ManagementOptions.Default), [NodeFacts.From(Node("a", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")))], []);

        var decision = StatusDecider.Decide(service, plan, Now);

        decision.Ingress.Should().BeEmpty();
        decision.Condition.Status.Should().Be("False");
        decision.Condition.Reason.Should().Be(nameof(PlanWarningCode.NoNodeMatchesSelector));
        decision.Events.Select(e => (e.Type, e.Reason)).Should().Equal(
            (EventType.Normal, ServiceStatusNames.AddressesChangedReason),
            (EventType.Warning, nameof(PlanWarningCode.NoNodeMatchesSelector)));
        decision.Events[0].Note.Should().Be("10.0.0.9 → none");
    }

    [Test]
    public void The_transition_time_is_kept_while_the_condition_status_stays_the_same()
    {
        var condition = new DesiredCondition("True", ServiceStatusNames.AssignedReason, "old message", new DateTimeOffset(Earlier));
        var service = WithStatus(Service(), condition, ("10.0.0.9", null));

        var decision = Decide(service, "10.0.0.9", "10.0.0.10");

        decision.Condition.LastTransitionTime.Should().Be(new DateTimeOffset(Earlier));
    }

    [Test]
    public void A_warning_already_stated_in_the_condition_is_not_announced_again()
    {
        var service = Service(selector: "pool=blue");
        var nodes = new[]
        {
            NodeFacts.From(Node("a", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1"))),
            NodeFacts.From(Node("x", LabelSet("pool=blue"), ("InternalIP", "10.0.0.011"))),
        };
        var plan = ServicePlanner.Plan(ServiceFacts.From(service, ManagementOptions.Default), nodes, []);
        var first = StatusDecider.Decide(service, plan, Now);
        first.Events.Should().Contain(e => e.Reason == nameof(PlanWarningCode.InvalidNodeAddress));

        // Another node is added: the message changes (one more address) but the warning is the same.
        var grown = ServicePlanner.Plan(
            ServiceFacts.From(service, ManagementOptions.Default),
            [.. nodes, NodeFacts.From(Node("b", LabelSet("pool=blue"), ("InternalIP", "10.0.0.2")))],
            []);
        var second = StatusDecider.Decide(WithStatus(service, first.Condition, ("10.0.0.1", "VIP")), grown, Now);

        second.NeedsWrite.Should().BeTrue();
        second.Events.Should().OnlyContain(e => e.Reason == ServiceStatusNames.AddressesChangedReason);
    }

    private static StatusDecision Decide(V1Service service, params string[] nodeIps)
    {
        var nodes = nodeIps.Select((ip, i) => NodeFacts.From(Node($"node-{i}", null, ("InternalIP", ip)))).ToList();
        if (nodeIps.Any(ip => ip.Contains(':', StringComparison.Ordinal)))
        {
            service.Spec.IpFamilies = ["IPv6"];
        }

        return StatusDecider.Decide(service, ServicePlanner.Plan(ServiceFacts.From(service, ManagementOptions.Default), nodes, []), Now);
    }

    private static V1Service WithStatus(V1Service service, DesiredCondition? condition, params (string Ip, string? Mode)[] ingress)
    {
        service.Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus { Ingress = [.. ingress.Select(i => new V1LoadBalancerIngress { Ip = i.Ip, IpMode = i.Mode })] },
            Conditions = condition is null ? null :
            [
                new V1Condition
                {
                    Type = ServiceStatusNames.ConditionType,
                    Status = condition.Status,
                    Reason = condition.Reason,
                    Message = condition.Message,
                    LastTransitionTime = condition.LastTransitionTime.UtcDateTime,
                },
            ],
        };
        return service;
    }
}
