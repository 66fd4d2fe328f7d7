using System.Net;
using FsCheck;
using FsCheck.Fluent;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

/// <summary>Properties of the planner over random clusters (FsCheck): order independence, sorted output, narrowing.</summary>
public class ServicePlannerPropertyTests
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] AddressPool =
    [
        "InternalIP 10.0.0.9", "InternalIP 10.0.0.10", "InternalIP 10.0.0.100", "InternalIP 10.0.1.1",
        "ExternalIP 203.0.113.9", "ExternalIP 203.0.113.10", "ExternalIP 198.51.100.1",
        "InternalIP fd00::9", "InternalIP fd00::a", "InternalIP FD00::A", "InternalIP ::ffff:10.0.0.9",
        "ExternalIP 2001:db8::1", "ExternalIP 2001:db8::10",
        "InternalIP 10.0.0.011", "ExternalIP 10.5", "Hostname 10.0.0.77",
        "ExternalIP 0.0.0.0", "InternalIP 127.0.0.1", "InternalIP 169.254.1.1", "ExternalIP 255.255.255.255",
        "InternalIP ::ffff:127.0.0.1", "ExternalIP ::", "InternalIP ::1", "InternalIP fe80::1", "ExternalIP ff02::1",
    ];

    private static readonly string[] Requirements =
        ["zone=a", "zone!=b", "zone in (a,b)", "zone notin (c)", "zone", "!zone", "tier=edge", "tier", "!tier", "rank>2"];

    [Test]
    public void The_plan_does_not_depend_on_the_order_of_nodes_or_slices()
    {
        var scenarios =
            from scenario in Scenarios()
            from nodes in Gen.Shuffle(scenario.Nodes)
            from slices in Gen.Shuffle(scenario.Slices)
            select (scenario, nodes, slices);
        Check.One(Checks, Prop.ForAll(scenarios.ToArbitrary(), s =>
        {
            var original = Plan(s.scenario, s.scenario.Selector);
            var shuffled = Plan(s.scenario with { Nodes = s.nodes, Slices = s.slices }, s.scenario.Selector);
            return original.Ingress.SequenceEqual(shuffled.Ingress)
                && original.Warnings.SequenceEqual(shuffled.Warnings)
                && original.Families.SequenceEqual(shuffled.Families)
                && original.ExplainNodes().SequenceEqual(shuffled.ExplainNodes());
        }));
    }

    [Test]
    public void The_ingress_is_in_family_order_then_strictly_ascending()
    {
        Check.One(Checks, Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var plan = Plan(scenario, scenario.Selector);
            var order = plan.Families.Select(f => f.Family).ToList();
            var ips = plan.Ingress.Select(Parse).ToList();
            var canonical = plan.Ingress.All(text => Parse(text).ToString() == text);
            var sorted = ips.Zip(ips.Skip(1)).All(pair =>
                order.IndexOf(pair.First.Family) < order.IndexOf(pair.Second.Family)
                || (pair.First.Family == pair.Second.Family && pair.First < pair.Second));
            return canonical && sorted && ips.Distinct().Count() == ips.Count;
        }));
    }

    [Test]
    public void The_ingress_never_holds_an_address_that_cannot_receive_traffic()
    {
        // The issue's list, checked with the framework's IPNetwork (independent of the planner's own table).
        IPNetwork[] unusable =
        [
            .. new[] { "0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fe80::/10", "ff00::/8" }
                .Select(IPNetwork.Parse),
        ];
        Check.One(Checks, Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
            !Plan(scenario, scenario.Selector).Ingress.Any(ip => unusable.Any(n => n.Contains(IPAddress.Parse(ip))))));
    }

    [Test]
    public void Narrowing_the_selector_never_adds_an_address_of_the_type_a_family_already_used()
    {
        var pairs = from scenario in Scenarios() from extra in Gen.Elements(Requirements) select (scenario, extra);
        Check.One(Checks, Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var narrowSelector = string.IsNullOrEmpty(p.scenario.Selector) ? p.extra : $"{p.scenario.Selector},{p.extra}";
            var wide = Plan(p.scenario, p.scenario.Selector);
            var narrow = Plan(p.scenario, narrowSelector);
            return narrow.Families.Zip(wide.Families).All(f =>
            {
                var (narrowChoice, wideChoice) = f;
                var narrowIps = narrow.Ingress.Where(ip => Parse(ip).Family == narrowChoice.Family);
                var wideIps = wide.Ingress.Where(ip => Parse(ip).Family == wideChoice.Family);

                // The one way an address can appear: the narrower selection lost every node with an ExternalIP of
                // the family, so the family falls back to InternalIPs (rule 5, decided per family).
                var fellBack = wideChoice.Type == NodeAddressType.ExternalIP && narrowChoice.Type == NodeAddressType.InternalIP;
                return fellBack || !narrowIps.Except(wideIps).Any();
            });
        }));
    }

    [Test]
    public void Without_ExternalIPs_narrowing_the_selector_never_adds_any_address()
    {
        var pairs =
            from scenario in Scenarios(externalIps: false)
            from extra in Gen.Elements(Requirements)
            select (scenario, extra);
        Check.One(Checks, Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var narrowSelector = string.IsNullOrEmpty(p.scenario.Selector) ? p.extra : $"{p.scenario.Selector},{p.extra}";
            return !Plan(p.scenario, narrowSelector).Ingress.Except(Plan(p.scenario, p.scenario.Selector).Ingress).Any();
        }));
    }

    private static ServicePlan Plan(Scenario scenario, string selector) =>
        ServicePlanner.Plan(
            ServiceAdapter.Facts(
                Service(selector: selector, policy: scenario.Local ? "Local" : "Cluster", families: scenario.Families),
                ManagementOptions.Default),
            scenario.Nodes.Select(NodeAdapter.From).ToList(),
            scenario.Slices.Select(s => EndpointSliceAdapter.From(s)).ToList());

    private static CanonicalIp Parse(string text) =>
        CanonicalIp.TryParse(text, out var ip, out var error) ? ip : throw new AssertionException($"ingress \"{text}\" is not an IP: {error}");

    private static Gen<Scenario> Scenarios(bool externalIps = true)
    {
        var pool = externalIps ? AddressPool : [.. AddressPool.Where(a => !a.StartsWith("ExternalIP", StringComparison.Ordinal))];
        var node =
            from zone in Gen.Elements("a", "b", "c", null)
            from tier in Gen.Elements("edge", "core", null)
            from rank in Gen.Elements("1", "3", "x", null)
            from exclusion in Gen.Elements(0, 0, 0, 1, 2, 3)
            from addresses in Gen.SubListOf(pool)
            select (zone, tier, rank, exclusion, addresses);
        var endpoint =
            from index in Gen.Choose(0, 9)
            from ready in Gen.Elements<bool?>(true, false, null)
            from serving in Gen.Elements<bool?>(true, false, null)
            from terminating in Gen.Elements<bool?>(true, false, null)
            select (index, ready, serving, terminating);
        var slice =
            from ns in Gen.Elements("shop", "shop", "other")
            from endpoints in Gen.ArrayOf(endpoint)
            select (ns, endpoints);
        return
            from nodes in Gen.ArrayOf(node)
            from slices in Gen.ArrayOf(slice)
            from requirements in Gen.SubListOf(Requirements)
            from families in Gen.Elements<string[]>(["IPv4"], ["IPv6"], ["IPv4", "IPv6"], ["IPv6", "IPv4"], [])
            from local in Gen.Elements(true, false)
            select new Scenario(
                [.. nodes.Select((n, i) => BuildNode(i, n.zone, n.tier, n.rank, n.exclusion, n.addresses))],
                [.. slices.Select((s, i) => Slice($"web-{i}", "web", s.ns, [.. s.endpoints.Select(e => Endpoint($"n{e.index}", e.ready, e.serving, e.terminating, $"pod-{e.index}"))]))],
                string.Join(',', requirements.Take(2)),
                families,
                local);
    }

    private static V1Node BuildNode(int index, string? zone, string? tier, string? rank, int exclusion, IEnumerable<string> addresses)
    {
        var labels = new Dictionary<string, string>();
        if (zone is not null)
        {
            labels["zone"] = zone;
        }

        if (tier is not null)
        {
            labels["tier"] = tier;
        }

        if (rank is not null)
        {
            labels["rank"] = rank;
        }

        if (exclusion == 2)
        {
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = string.Empty;
        }

        var node = Node($"n{index}", labels, [.. addresses.Select(a => a.Split(' ')).Select(a => (a[0], a[1]))]);
        return exclusion switch
        {
            1 => node.Deleting(),
            3 => node.WithTaint("ToBeDeletedByClusterAutoscaler"),
            _ => node,
        };
    }

    /// <summary>A random cluster and Service; printed compactly when a property fails.</summary>
    private sealed record Scenario(V1Node[] Nodes, V1EndpointSlice[] Slices, string Selector, string[] Families, bool Local)
    {
        public override string ToString() =>
            $"selector \"{Selector}\", families [{string.Join(',', Families)}], local {Local}; nodes: "
            + string.Join("; ", Nodes.Select(n => $"{n.Metadata.Name} {{{string.Join(',', n.Metadata.Labels?.Select(l => $"{l.Key}={l.Value}") ?? [])}}} [{string.Join(',', n.Status.Addresses.Select(a => $"{a.Type} {a.Address}"))}]{(n.Metadata.DeletionTimestamp is null ? string.Empty : " deleting")}{(n.Spec?.Taints is null ? string.Empty : " tainted")}"))
            + "; slices: "
            + string.Join("; ", Slices.Select(s => $"{s.Metadata.NamespaceProperty}/{s.Metadata.Name} [{string.Join(',', s.Endpoints.Select(e => $"{e.NodeName} r={e.Conditions.Ready} s={e.Conditions.Serving} t={e.Conditions.Terminating}"))}]"));
    }
}
