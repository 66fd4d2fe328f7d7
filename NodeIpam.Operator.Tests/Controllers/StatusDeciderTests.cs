using k8s.Models;
using NodeIpam.Operator.Caching;
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
        NodeFacts[] nodes = [NodeAdapter.From(Node("a", null, ("InternalIP", "10.0.0.9")))];
        var plan = ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), nodes, []);

        var decision = Decide(service, plan, nodes, Now);

        decision.Ingress.Should().BeNull("the current addresses are kept");
        decision.NeedsWrite.Should().BeTrue();
        decision.Condition.Reason.Should().Be(ServiceStatusNames.InvalidSelectorReason);
        decision.Events.Should().ContainSingle().Which.Type.Should().Be(EventType.Warning);

        var again = Decide(WithStatus(service, decision.Condition, ("10.0.0.9", "VIP")), plan, nodes, Now.AddHours(1));
        again.NeedsWrite.Should().BeFalse();
        again.Events.Should().BeEmpty();
    }

    [Test]
    public void No_address_gives_a_false_condition_with_the_domain_reason_and_a_warning_per_new_warning()
    {
        var service = WithStatus(Service(selector: "pool=purple"), condition: null, ("10.0.0.9", "VIP"));
        NodeFacts[] nodes = [NodeAdapter.From(Node("a", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")))];
        var plan = ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), nodes, []);

        var decision = Decide(service, plan, nodes, Now);

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
            NodeAdapter.From(Node("a", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1"))),
            NodeAdapter.From(Node("x", LabelSet("pool=blue"), ("InternalIP", "10.0.0.011"))),
        };
        var plan = ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), nodes, []);
        var first = Decide(service, plan, nodes, Now);
        first.Events.Should().Contain(e => e.Reason == nameof(PlanWarningCode.InvalidNodeAddress));

        // Another node is added: the message changes (one more address) but the warning is the same.
        NodeFacts[] more = [.. nodes, NodeAdapter.From(Node("b", LabelSet("pool=blue"), ("InternalIP", "10.0.0.2")))];
        var grown = ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), more, []);
        var second = Decide(WithStatus(service, first.Condition, ("10.0.0.1", "VIP")), grown, more, Now);

        second.NeedsWrite.Should().BeTrue();
        second.Events.Should().OnlyContain(e => e.Reason == ServiceStatusNames.AddressesChangedReason);
    }

    [Test]
    public void An_invalid_selector_drops_the_kept_addresses_no_eligible_node_reports_any_more()
    {
        var service = WithStatus(Service(selector: "pool in (blue"), condition: null, ("10.0.0.1", "VIP"), ("10.0.0.2", "VIP"), ("10.0.0.3", "VIP"), ("203.0.113.4", "VIP"));
        NodeFacts[] nodes =
        [
            NodeAdapter.From(Node("a", null, ("InternalIP", "10.0.0.1"))),
            NodeAdapter.From(Node("b", LabelSet("node.kubernetes.io/exclude-from-external-load-balancers="), ("InternalIP", "10.0.0.2"))),
            NodeAdapter.From(Node("d", null, ("InternalIP", "10.0.0.9"), ("ExternalIP", "203.0.113.4"))),
        ];
        var plan = ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), nodes, []);

        var decision = Decide(service, plan, nodes, Now);

        decision.Ingress.Should().Equal(["10.0.0.1", "203.0.113.4"], "b is excluded and nothing reports 10.0.0.3 any more; nothing is added");
        decision.Condition.Reason.Should().Be(ServiceStatusNames.InvalidSelectorReason);
        IngressFingerprint.Read(decision.Condition.Message).Should().Be(IngressFingerprint.Of(["10.0.0.1", "203.0.113.4"]));
        decision.Events.Select(e => e.Reason).Should().Equal(ServiceStatusNames.AddressesChangedReason, ServiceStatusNames.InvalidSelectorReason);

        var again = Decide(WithStatus(service, decision.Condition, ("10.0.0.1", "VIP"), ("203.0.113.4", "VIP")), plan, nodes, Now);
        again.NeedsWrite.Should().BeFalse();

        // One more address goes: the error is the same, so it is not announced again.
        NodeFacts[] fewer = [nodes[0]];
        var dropped = Decide(WithStatus(service, decision.Condition, ("10.0.0.1", "VIP"), ("203.0.113.4", "VIP")), plan, fewer, Now);
        dropped.Ingress.Should().Equal("10.0.0.1");
        dropped.Events.Select(e => e.Reason).Should().Equal(ServiceStatusNames.AddressesChangedReason);
    }

    [Test]
    public void The_condition_message_carries_the_fingerprint_of_the_ingress_written()
    {
        var decision = Decide(Service(), "10.0.0.9", "10.0.0.10");

        decision.Condition.Message.Should().StartWith("advertising 2 addresses of 2 nodes");
        IngressFingerprint.Read(decision.Condition.Message).Should().Be(IngressFingerprint.Of(["10.0.0.9", "10.0.0.10"]));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_message_cut_near_an_emoji_compares_equal_once_written_and_read_back(int shift)
    {
        // The selector's text lands in the message; emojis at every alignment around the limit.
        var selector = new string('(', shift) + string.Concat(Enumerable.Repeat("\U0001F600", 17_000));
        var service = WithStatus(Service(selector: selector), condition: null);
        var plan = ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), [], []);
        var first = Decide(service, plan, [], Now);

        var stored = System.Text.Json.JsonSerializer.Deserialize<string>(System.Text.Json.JsonSerializer.Serialize(first.Condition.Message))!;
        var again = Decide(WithStatus(service, first.Condition with { Message = stored }), plan, [], Now);

        System.Text.Encoding.UTF8.GetByteCount(first.Condition.Message).Should().BeLessThanOrEqualTo(ServiceStatusNames.MaxConditionMessageBytes);
        again.NeedsWrite.Should().BeFalse();
        again.Events.Should().BeEmpty();
    }

    [Test]
    public void A_service_without_our_condition_has_nothing_to_release()
    {
        Release(WithStatus(Service(type: "ClusterIP"), condition: null, ("10.0.0.1", "VIP")), "type is ClusterIP").Should().BeNull();
    }

    [Test]
    public void Releasing_clears_the_ingress_only_when_our_fingerprint_matches_it()
    {
        var ours = Decide(Service(), "10.0.0.9", "10.0.0.10").Condition;
        var older = ours with { Message = "advertising 2 addresses of 2 nodes" };

        Release(WithStatus(Service(loadBalancerClass: null), ours, ("10.0.0.10", "VIP"), ("10.0.0.9", null)), "no class")!
            .ClearsIngress.Should().BeTrue("what we wrote is still there, in any order");
        Release(WithStatus(Service(loadBalancerClass: null), ours, ("10.0.0.9", "VIP"), ("192.0.2.1", "VIP")), "no class")!
            .ClearsIngress.Should().BeFalse("someone else wrote these");
        Release(WithStatus(Service(loadBalancerClass: null), ours, ("10.0.0.9", "Proxy"), ("10.0.0.10", "VIP")), "no class")!
            .ClearsIngress.Should().BeFalse("we never write Proxy entries");
        Release(WithStatus(Service(loadBalancerClass: null), older, ("10.0.0.9", "VIP"), ("10.0.0.10", "VIP")), "no class")!
            .ClearsIngress.Should().BeFalse("without a fingerprint nothing proves the addresses are ours");
        Release(WithStatus(Service(type: "ClusterIP"), ours), "type is ClusterIP")!
            .ClearsIngress.Should().BeFalse("there is nothing to clear");
    }

    private static StatusDecision Decide(V1Service service, params string[] nodeIps)
    {
        var nodes = nodeIps.Select((ip, i) => NodeAdapter.From(Node($"node-{i}", null, ("InternalIP", ip)))).ToList();
        if (nodeIps.Any(ip => ip.Contains(':', StringComparison.Ordinal)))
        {
            service.Spec.IpFamilies = ["IPv6"];
        }

        return Decide(service, ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), nodes, []), nodes, Now);
    }

    internal static V1Service WithStatus(V1Service service, DesiredCondition? condition, params (string Ip, string? Mode)[] ingress)
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

    // The decision as the controller takes it: from the record the Service cache keeps.
    private static StatusDecision Decide(V1Service service, ServicePlan plan, IReadOnlyCollection<NodeFacts>? nodes, DateTimeOffset now) =>
        StatusDecider.Decide(ServiceAdapter.From(service, ManagementOptions.Default), plan, nodes, now);

    private static ReleaseDecision? Release(V1Service service, string why) =>
        StatusDecider.Release(ServiceAdapter.From(service, ManagementOptions.Default), why);
}
