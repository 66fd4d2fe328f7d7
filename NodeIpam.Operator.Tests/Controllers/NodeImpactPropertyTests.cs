using FsCheck;
using FsCheck.Fluent;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Tests.Domain;
using static NodeIpam.Operator.Tests.Controllers.NodeImpactScenario;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

/// <summary>
/// The Node watch's filter against the planner and the status decision over random clusters (FsCheck): when the rule
/// says a node change leaves a Service unaffected (decided as <see cref="NodeChangeMapper"/> does), its plan,
/// condition and warnings after the change equal those before, so skipping its reconcile loses nothing.
/// </summary>
public class NodeImpactPropertyTests
{
    private const int Cases = 2000;
    private const string Changed = "m";
    private static readonly DateTimeOffset Now = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 6, 0, 0, TimeSpan.Zero)).GetUtcNow();
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(Cases);

    private static readonly string[] AddressPool =
    [
        "InternalIP 10.0.0.1", "InternalIP 10.0.0.2", "ExternalIP 203.0.113.1", "ExternalIP 203.0.113.2",
        "InternalIP fd00::1", "InternalIP fd00::2", "ExternalIP 2001:db8::1",
        "InternalIP 10.0.0.011", "InternalIP FD00::1", "ExternalIP 127.0.0.1", "InternalIP fe80::1", "Hostname 10.0.0.3",
    ];

    // Foreign status entries: some a node reports, some none does, one not canonical.
    private static readonly string[] ForeignPool = ["10.0.0.1", "203.0.113.2", "fd00::1", "192.0.2.7", "2001:db8::9", "FD00::2"];

    private static readonly string?[] Selectors =
    [
        null, "", "zone=a", "zone!=a", "zone in (a,b)", "zone", "!zone", "tier=edge", "zone=a,tier", "!tier",
        "!node.kubernetes.io/exclude-from-external-load-balancers",
    ];

    private static readonly string[] InvalidSelectors = ["zone in (a", "=a", "zone a"];

    private static readonly string?[] EndpointNodes = ["n0", "n1", "n2", "n3", Changed, Changed, "ghost", null];


    [Test]
    public void A_node_change_the_rule_calls_unaffecting_changes_neither_plan_nor_condition_nor_warnings() =>
        Check.One(Checks, Prop.ForAll(Arb.From(Scenarios(), NodeImpactScenario.Shrink), scenario =>
        {
            var (unaffected, samePlanningFacts, difference) = Evaluate(scenario);
            return Prop.Label(!unaffected || difference is null, difference ?? string.Empty)
                .Classify(unaffected, "unaffected")
                .Classify(unaffected && !samePlanningFacts, "skipped although the node's planning facts changed")
                .Collect(scenario.Change);
        }));

    /// <summary>Whether the rule skips the Service, whether only by the same-for-planning shortcut, and what then differs (null: nothing).</summary>
    private static (bool Unaffected, bool SamePlanningFacts, string? Difference) Evaluate(NodeImpactScenario s)
    {
        var slices = s.Slices.Select((slice, i) => EndpointSliceAdapter.From(V1.Slice(slice, i))).ToList();
        var options = new PlanningOptions { ExcludeNotReadyNodes = s.FlagExcludesNotReady };
        var before = s.Others.Append(s.Old).OfType<NodeSpec>().Select(n => NodeAdapter.From(V1.Node(n))).ToList();
        var after = s.Others.Append(s.New).OfType<NodeSpec>().Select(n => NodeAdapter.From(V1.Node(n))).ToList();
        var old = s.Old is null ? null : before[^1];
        var @new = s.New is null ? null : after[^1];
        var service = CurrentService(s, before, slices, options);
        var cached = ServiceAdapter.From(service, ManagementOptions.Default);
        var facts = cached.Facts;

        // As NodeChangeMapper.Map: equal facts (nothing the rules read changed), then the per-Service rule.
        var hasEndpoint = facts.IsLocal
            && slices.Any(sl => sl.ServiceName == facts.Name && sl.Namespace == facts.Namespace && sl.CountsOn(Changed));
        var samePlanningFacts = old == @new;
        if (!samePlanningFacts && NodeImpact.AffectsService(cached, old, @new, hasEndpoint, options))
        {
            return (false, false, null);
        }

        var (planBefore, decisionBefore) = Decide(service, facts, before, slices, options);
        var (planAfter, decisionAfter) = Decide(service, facts, after, slices, options);
        var differences = new List<string>();
        Compare("plan ingress", Show(planBefore.Ingress), Show(planAfter.Ingress), differences);
        Compare("plan error", planBefore.Error, planAfter.Error, differences);
        Compare("warnings", string.Join(" | ", planBefore.Warnings), string.Join(" | ", planAfter.Warnings), differences);
        Compare("condition", decisionBefore.Condition.ToString(), decisionAfter.Condition.ToString(), differences);
        Compare("ingress written", Show(decisionBefore.Ingress), Show(decisionAfter.Ingress), differences);
        return (true, samePlanningFacts, differences.Count == 0 ? null : string.Join("\n", differences));
    }

    private static (ServicePlan Plan, StatusDecision Decision) Decide(
        V1Service service, ServiceFacts facts, List<NodeFacts> nodes, List<EndpointSliceFacts> slices, PlanningOptions options)
    {
        var plan = ServicePlanner.Plan(facts, nodes, slices, options, Now);
        return (plan, StatusDecider.Decide(ServiceAdapter.From(service, ManagementOptions.Default), plan, nodes, Now));
    }

    // Empty, or what one reconcile on the cluster before the change leaves there.
    private static V1Service CurrentService(NodeImpactScenario s, List<NodeFacts> before, List<EndpointSliceFacts> slices, PlanningOptions options)
    {
        var service = V1.Service(s.Service);
        if (s.Status == StatusKind.Empty)
        {
            return service;
        }

        var initial = s.Status == StatusKind.PlannedFromForeign ? V1.WithStatus(V1.Service(s.Service), s.Foreign, null) : service;
        var (_, decision) = Decide(initial, ServiceAdapter.Facts(initial, ManagementOptions.Default), before, slices, options);
        return V1.WithStatus(service, decision.Ingress ?? (s.Status == StatusKind.PlannedFromForeign ? s.Foreign : []), decision.Condition);
    }

    private static void Compare(string what, string? before, string? after, List<string> differences)
    {
        if (before != after)
        {
            differences.Add($"{what}: {before} → {after}");
        }
    }

    private static string Show(IReadOnlyList<string>? ips) => ips is null ? "(kept)" : $"[{string.Join(", ", ips)}]";

    private static Gen<NodeImpactScenario> Scenarios()
    {
        var endpoint =
            from node in Gen.Elements(EndpointNodes)
            from ready in Gen.Elements<bool?>(true, false, null)
            from serving in Gen.Elements<bool?>(true, false, null)
            from terminating in Gen.Elements<bool?>(true, false, null)
            select new EndpointSpec(node, ready, serving, terminating);
        var slice =
            from owner in Gen.Elements("web", "web", "other")
            from ns in Gen.Elements("shop", "shop", "elsewhere")
            from count in Gen.Choose(0, 3)
            from endpoints in endpoint.ArrayOf(count)
            select new SliceSpec(ns, owner, endpoints);
        var service =
            from local in Gen.Elements(true, false)
            from selector in Gen.Frequency((6, Gen.Elements(Selectors)), (1, Gen.Elements<string?>(InvalidSelectors)))
            from families in Gen.Elements<string[]>(["IPv4"], ["IPv6"], ["IPv4", "IPv6"], ["IPv6", "IPv4"])
            from max in Gen.Elements(null, null, null, "1", "2", "0")
            from excludeNotReady in Gen.Elements(null, null, "true", "false", "yes")
            select new ServiceSpec(local, selector, families, max, excludeNotReady);
        var change =
            from kind in Gen.Elements("add", "delete", "labels", "addresses", "InternalIPs", "ExternalIPs", "exclusions", "readiness", "heartbeat", "everything")
            from a in NodeSpecs(Changed)
            from b in NodeSpecs(Changed)
            select kind switch
            {
                "add" => (kind, (NodeSpec?)null, (NodeSpec?)b),
                "delete" => (kind, a, null),
                "labels" => (kind, a, a with { Labels = b.Labels }),
                "addresses" => (kind, a, a with { Addresses = b.Addresses }),
                "InternalIPs" or "ExternalIPs" => (kind, a, a with { Addresses = [.. a.Addresses.Where(x => !x.StartsWith(kind[..^1], StringComparison.Ordinal)), .. b.Addresses.Where(x => x.StartsWith(kind[..^1], StringComparison.Ordinal))] }),
                "exclusions" => (kind, a, a with { Deleting = b.Deleting, ExcludeLabel = b.ExcludeLabel, Tainted = b.Tainted }),
                "readiness" => (kind, a, a with { Ready = b.Ready, TransitionAgo = b.TransitionAgo }),
                "heartbeat" => (kind, a, a with { HeartbeatAgo = a.HeartbeatAgo + 10, ReadyReason = b.ReadyReason }),
                _ => (kind, a, b),
            };
        return
            from svc in service
            from flag in Gen.Elements(true, false)
            from count in Gen.Choose(0, 4)
            from others in Gen.CollectToArray(Enumerable.Range(0, count), i => NodeSpecs($"n{i}"))
            from c in change
            from sliceCount in Gen.Choose(0, 2)
            from slices in slice.ArrayOf(sliceCount)
            from status in Gen.Elements(StatusKind.Empty, StatusKind.PlannedFromEmpty, StatusKind.PlannedFromForeign, StatusKind.PlannedFromForeign)
            from foreign in Gen.SubListOf(ForeignPool)
            select new NodeImpactScenario(svc, flag, others, c.kind, c.Item2, c.Item3, svc.Local ? slices : [], status, [.. foreign]);
    }

    private static Gen<NodeSpec> NodeSpecs(string name) =>
        from zone in Gen.Elements("a", "b", null)
        from tier in Gen.Elements("edge", "core", null)
        from count in Gen.Choose(0, 3)
        from addresses in Gen.Elements(AddressPool).ArrayOf(count)
        from exclusion in Gen.Elements(0, 0, 0, 0, 0, 1, 2, 4)
        from ready in Gen.Frequency((4, Gen.Constant<string?>("True")), (2, Gen.Constant<string?>("False")), (1, Gen.Constant<string?>("Unknown")), (1, Gen.Constant<string?>(null)))
        from transitionAgo in Gen.Elements<int?>(null, 10, 39, 40, 41, 600)
        from heartbeatAgo in Gen.Choose(0, 60)
        from reason in Gen.Elements("KubeletReady", "KubeletNotReady", "NodeStatusUnknown")
        select new NodeSpec(
            name,
            [.. new[] { zone is null ? null : $"zone={zone}", tier is null ? null : $"tier={tier}" }.OfType<string>()],
            addresses,
            exclusion == 1,
            exclusion == 2,
            exclusion == 4,
            ready,
            transitionAgo,
            heartbeatAgo,
            reason);

    /// <summary>
    /// The one place that builds the Kubernetes objects from the specs (so a change of what the caches hold is adapted here).
    /// </summary>
    private static class V1
    {
        public static V1Node Node(NodeSpec n)
        {
            var node = TestObjects.Node(n.Name, LabelSet([.. n.Labels, .. n.ExcludeLabel ? [WellKnown.ExcludeFromLoadBalancersLabel] : Array.Empty<string>()]), [.. n.Addresses.Select(a => a.Split(' ')).Select(a => (a[0], a[1]))]);
            node.Status.Conditions = n.Ready is null ? null :
            [
                new V1NodeCondition
                {
                    Type = WellKnown.ReadyCondition,
                    Status = n.Ready,
                    Reason = n.ReadyReason,
                    LastTransitionTime = n.TransitionAgo is { } ago ? (Now - TimeSpan.FromSeconds(ago)).UtcDateTime : null,
                    LastHeartbeatTime = (Now - TimeSpan.FromSeconds(n.HeartbeatAgo)).UtcDateTime,
                },
            ];
            node = n.Deleting ? node.Deleting() : node;
            return n.Tainted ? node.WithTaint(WellKnown.ToBeDeletedTaint) : node;
        }

        public static V1Service Service(ServiceSpec s)
        {
            var service = TestObjects.Service(selector: s.Selector, policy: s.Local ? "Local" : "Cluster", families: s.Families);
            service.Metadata.Uid = "0b7c1d2e-0000-4000-8000-000000000001";
            service.Metadata.Annotations ??= new Dictionary<string, string>();
            if (s.MaxPerFamily is { } max)
            {
                service.Metadata.Annotations[WellKnown.MaxAddressesPerFamilyAnnotation] = max;
            }

            if (s.ExcludeNotReady is { } exclude)
            {
                service.Metadata.Annotations[WellKnown.ExcludeNotReadyNodesAnnotation] = exclude;
            }

            return service;
        }

        public static V1Service WithStatus(V1Service service, IEnumerable<string> ingress, DesiredCondition? condition) =>
            StatusDeciderTests.WithStatus(service, condition, [.. ingress.Select(ip => (ip, (string?)null))]);

        public static V1EndpointSlice Slice(SliceSpec s, int index) =>
            TestObjects.Slice($"{s.Service}-{index}", s.Service, s.Namespace, [.. s.Endpoints.Select(e => Endpoint(e.Node, e.Ready, e.Serving, e.Terminating, $"pod-{index}"))]);
    }
}
