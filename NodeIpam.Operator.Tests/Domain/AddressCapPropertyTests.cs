using FsCheck;
using FsCheck.Fluent;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

/// <summary>
/// The stable address cap over random clusters (nodes with one InternalIP each, so no ExternalIP/InternalIP flip):
/// the choice depends only on the UID and the candidates, and node churn moves as few addresses as possible.
/// </summary>
public class AddressCapPropertyTests
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Test]
    public void The_choice_depends_only_on_the_uid_and_the_candidates()
    {
        var cases =
            from c in Cases()
            from shuffled in Gen.Shuffle(c.Nodes)
            from others in Gen.Choose(0, 5)
            select (c, shuffled, others);
        Check.One(Checks, Prop.ForAll(cases.ToArbitrary(), t =>
        {
            // Same candidates in another order, plus nodes that are no candidates (excluded by the label).
            var excluded = Enumerable.Range(0, t.others)
                .Select(i => Node($"excluded-{i}", LabelSet("node.kubernetes.io/exclude-from-external-load-balancers"), ("InternalIP", $"10.9.0.{i + 1}")));
            var original = Plan(t.c.Uid, t.c.Cap, t.c.Nodes);
            var other = Plan(t.c.Uid, t.c.Cap, [.. t.shuffled, .. excluded]);
            return original.Ingress.SequenceEqual(other.Ingress) && original.Ingress.Count == Math.Min(t.c.Cap, t.c.Nodes.Length);
        }));
    }

    [Test]
    public void Removing_an_unchosen_node_changes_nothing()
    {
        Check.One(Checks, Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var before = Plan(c.Uid, c.Cap, c.Nodes);
            var unchosen = c.Nodes.Where(n => !before.Ingress.Contains(Ip(n))).ToList();
            return unchosen.All(gone => Plan(c.Uid, c.Cap, [.. c.Nodes.Where(n => n != gone)]).Ingress.SequenceEqual(before.Ingress));
        }));
    }

    [Test]
    public void Removing_a_chosen_node_replaces_exactly_one_address_while_an_unchosen_candidate_remains()
    {
        Check.One(Checks, Prop.ForAll(Cases().Where(c => c.Nodes.Length > c.Cap).ToArbitrary(), c =>
        {
            var before = Plan(c.Uid, c.Cap, c.Nodes).Ingress;
            return c.Nodes.Where(n => before.Contains(Ip(n))).All(gone =>
            {
                var after = Plan(c.Uid, c.Cap, [.. c.Nodes.Where(n => n != gone)]).Ingress;
                return before.Except(after).SequenceEqual([Ip(gone)]) && after.Except(before).Count() == 1 && after.Count == c.Cap;
            });
        }));
    }

    /// <summary>
    /// 1,000 Services capped at 3 on 100 nodes: each node carries 30 on average. The UIDs are fixed (seeded), not
    /// generated per run: with any ranking that depends only on UID and candidates, a node's count is about
    /// Binomial(1000, 0.03), and some node of 100 leaves [15, 45] for about 29 random sets of UIDs in 100 (simulated
    /// with SHA-256 and random UUIDs), so no ranking of this kind can promise it for every UID set. These seeds check
    /// that the hash spreads like that ideal; a hash that ignores the UID or ranks by position fails them.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Nodes_are_chosen_evenly_across_services(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 100).Select(i => Node($"node-{i:D3}", null, ("InternalIP", $"10.0.{i / 250}.{(i % 250) + 1}"))).ToArray();
        var facts = nodes.Select(n => NodeAdapter.From(n)).ToList();
        var counts = nodes.ToDictionary(Ip, _ => 0);
        for (var s = 0; s < 1000; s++)
        {
            var uid = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)).ToString();
            foreach (var ip in Plan(uid, 3, facts).Ingress)
            {
                counts[ip]++;
            }
        }

        var mean = counts.Values.Average();
        mean.Should().Be(30);
        counts.Values.Should().OnlyContain(c => c >= 0.5 * mean && c <= 1.5 * mean, $"min {counts.Values.Min()}, max {counts.Values.Max()}");
    }

    [Test]
    public void The_rank_key_is_a_fixed_function_of_uid_and_node() =>
        // SHA-256("3f1c0a52-0000-4000-8000-000000000001/node-a"), first 8 bytes: the same in every process and release.
        AddressCap.RankKey("3f1c0a52-0000-4000-8000-000000000001", "node-a").Should().Be(
            Convert.ToUInt64(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("3f1c0a52-0000-4000-8000-000000000001/node-a"u8))[..16], 16));

    private static Gen<(string Uid, int Cap, V1Node[] Nodes)> Cases() =>
        from count in Gen.Choose(1, 24)
        from cap in Gen.Choose(1, 6)
        from uid in ArbMap.Default.GeneratorFor<Guid>()
        select (uid.ToString(), cap, Enumerable.Range(0, count).Select(i => Node($"node-{i}", null, ("InternalIP", $"10.0.0.{i + 1}"))).ToArray());

    private static string Ip(V1Node node) => node.Status.Addresses[0].Address;

    private static ServicePlan Plan(string uid, int cap, IEnumerable<V1Node> nodes) => Plan(uid, cap, [.. nodes.Select(n => NodeAdapter.From(n))]);

    private static ServicePlan Plan(string uid, int cap, List<NodeFacts> nodes)
    {
        var service = Service();
        service.Metadata.Uid = uid;
        service.Metadata.Annotations = new Dictionary<string, string> { [WellKnown.MaxAddressesPerFamilyAnnotation] = $"{cap}" };
        return ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), nodes, []);
    }
}
