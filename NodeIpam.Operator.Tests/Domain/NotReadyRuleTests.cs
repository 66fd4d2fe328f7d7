using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Labels;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

/// <summary>NotReady nodes by choice: the flag, the annotation, the grace measured from lastTransitionTime.</summary>
public class NotReadyRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 4, 0, 0, TimeSpan.Zero);
    private static readonly PlanningOptions Off = PlanningOptions.Default;
    private static readonly PlanningOptions On = new() { ExcludeNotReadyNodes = true };

    [Test]
    public void By_default_NotReady_nodes_stay_eligible_as_in_Cilium()
    {
        var plan = Plan(Service(), Off, Ready("a", "10.0.0.1"), NotReady("b", "10.0.0.2", "Unknown", Now.AddHours(-1)));

        plan.Ingress.Should().Equal("10.0.0.1", "10.0.0.2");
        plan.NextChangeAt.Should().BeNull();
    }

    [TestCase("False")]
    [TestCase("Unknown")]
    public void With_the_flag_a_node_NotReady_longer_than_the_grace_is_left_out_and_named(string status)
    {
        var plan = Plan(Service(), On, Ready("a", "10.0.0.1"), NotReady("b", "10.0.0.2", status, Now.AddSeconds(-41)));

        plan.Ingress.Should().Equal("10.0.0.1");
        plan.ExplainNodes()[1].Should().Be(new NodeDecision("b", false, $"excluded: NotReady since 2026-12-05T03:59:19Z (Ready is {status}), grace 40 s"));
        plan.NextChangeAt.Should().BeNull();
    }

    [Test]
    public void A_node_within_its_grace_stays_and_the_plan_says_when_it_changes()
    {
        var plan = Plan(Service(), On, Ready("a", "10.0.0.1"), NotReady("b", "10.0.0.2", "False", Now.AddSeconds(-10)), NotReady("c", "10.0.0.3", "False", Now.AddSeconds(-30)));

        plan.Ingress.Should().Equal("10.0.0.1", "10.0.0.2", "10.0.0.3");
        plan.NextChangeAt.Should().Be(Now.AddSeconds(10), "c's grace runs out first");
        plan.ExplainNodes()[2].Reason.Should().Be(
            "selected: advertises 10.0.0.3; NotReady since 2026-12-05T03:59:30Z (Ready is False), grace 40 s: left out from 2026-12-05T04:00:10Z");
        Plan(Service(), On with { NotReadyGrace = TimeSpan.FromSeconds(5) }, NotReady("b", "10.0.0.2", "False", Now.AddSeconds(-10))).Ingress
            .Should().BeEmpty("the grace is the flag's");
    }

    [Test]
    public void The_grace_is_measured_from_the_transition_so_any_instant_gives_the_same_answer()
    {
        var node = NotReady("b", "10.0.0.2", "False", Now);
        Plan(Service(), On, node).Ingress.Should().Equal("10.0.0.2");
        PlanAt(Service(), On, Now.AddSeconds(39), node).Ingress.Should().Equal("10.0.0.2");
        PlanAt(Service(), On, Now.AddSeconds(40), node).Ingress.Should().BeEmpty();
    }

    [Test]
    public void Ready_nodes_and_nodes_without_a_Ready_condition_are_eligible() =>
        Plan(Service(), On, Ready("a", "10.0.0.1"), Node("b", null, ("InternalIP", "10.0.0.2"))).Ingress.Should().Equal("10.0.0.1", "10.0.0.2");

    [TestCase("true", false, true)]
    [TestCase("false", true, false)]
    public void The_annotation_overrides_the_flag(string value, bool flag, bool excluded)
    {
        var service = Annotated(Service(), WellKnown.ExcludeNotReadyNodesAnnotation, value);
        var plan = Plan(service, flag ? On : Off, Ready("a", "10.0.0.1"), NotReady("b", "10.0.0.2", "False", Now.AddHours(-1)));

        plan.Ingress.Should().HaveCount(excluded ? 1 : 2);
        plan.Warnings.Should().BeEmpty();
    }

    [TestCase("yes")]
    [TestCase("True")]
    [TestCase("")]
    public void Any_other_value_is_a_warning_and_the_operators_default_applies(string value)
    {
        var service = Annotated(Service(), WellKnown.ExcludeNotReadyNodesAnnotation, value);
        var plan = Plan(service, On, Ready("a", "10.0.0.1"), NotReady("b", "10.0.0.2", "False", Now.AddHours(-1)));

        plan.Ingress.Should().Equal("10.0.0.1");
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.InvalidAnnotation,
            $"annotation nodeipam.io/exclude-not-ready-nodes \"{value}\" is invalid: it takes \"true\" or \"false\"; the operator's default applies (NotReady nodes are left out)"));
    }

    [Test]
    public void A_node_excluded_for_several_reasons_names_each_once()
    {
        var node = NotReady("b", "10.0.0.2", "False", Now.AddHours(-1)).Deleting();
        var rule = new NotReadyRule(true, TimeSpan.FromSeconds(40), Now);
        var facts = NodeAdapter.From(node);

        rule.Describe(facts, rule.ExclusionsOf(facts)).Should().Be("being deleted and NotReady since 2026-12-05T03:00:00Z (Ready is False), grace 40 s");
        (NodeExclusions.BeingDeleted | NodeExclusions.NotReady).Describe().Should().Be("being deleted and NotReady");
    }

    [Test]
    public void When_every_matching_node_is_NotReady_the_warning_names_why()
    {
        var plan = Plan(Service(), On, NotReady("b", "10.0.0.2", "Unknown", Now.AddHours(-1)));

        plan.Warnings.Should().ContainSingle().Which.Message.Should().Be(
            "the only node is excluded: b (NotReady since 2026-12-05T03:00:00Z (Ready is Unknown), grace 40 s)");
    }

    [Test]
    public void Readiness_matters_to_the_impact_rule_only_for_Services_that_leave_NotReady_nodes_out()
    {
        var ready = NodeAdapter.From(Ready("a", "10.0.0.1"));
        var notReady = NodeAdapter.From(NotReady("a", "10.0.0.1", "False", Now));
        var service = ServiceAdapter.Facts(Service(), ManagementOptions.Default);

        (ready == notReady).Should().BeFalse();
        NodeImpact.Affects(service, LabelSelector.Everything, ready, notReady, false, false, readinessMatters: true).Should().BeTrue();
        NodeImpact.Affects(service, LabelSelector.Everything, ready, notReady, false, false, readinessMatters: false).Should().BeFalse();

        var heartbeat = NotReady("a", "10.0.0.1", "False", Now);
        heartbeat.Status.Conditions[0].LastHeartbeatTime = Now.UtcDateTime.AddMinutes(5);
        heartbeat.Status.Conditions[0].Message = "still not ready";
        (notReady == NodeAdapter.From(heartbeat)).Should().BeTrue("a heartbeat changes nothing the rule reads");
    }

    internal static V1Node Ready(string name, string ip)
    {
        var node = Node(name, null, ("InternalIP", ip));
        node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastTransitionTime = Now.UtcDateTime.AddDays(-1) }];
        return node;
    }

    internal static V1Node NotReady(string name, string ip, string status, DateTimeOffset since)
    {
        var node = Node(name, null, ("InternalIP", ip));
        node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = status, LastTransitionTime = since.UtcDateTime, LastHeartbeatTime = since.UtcDateTime }];
        return node;
    }

    internal static V1Service Annotated(V1Service service, string annotation, string value)
    {
        service.Metadata.Annotations ??= new Dictionary<string, string>();
        service.Metadata.Annotations[annotation] = value;
        return service;
    }

    private static ServicePlan Plan(V1Service service, PlanningOptions options, params V1Node[] nodes) => PlanAt(service, options, Now, nodes);

    private static ServicePlan PlanAt(V1Service service, PlanningOptions options, DateTimeOffset now, params V1Node[] nodes) =>
        ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), [.. nodes.Select(n => NodeAdapter.From(n))], [], options, now);
}
