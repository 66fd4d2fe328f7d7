using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Tests.Domain;

public class MessageListTests
{
    [Test]
    public void Names_at_most_five_items_sorted_then_counts_the_rest() =>
        MessageList.Join(["n7", "n1", "n3", "n2", "n6", "n5", "n4"]).Should().Be("n1, n2, n3, n4, n5 and 2 more");

    [Test]
    public void Names_all_items_when_there_are_five_or_fewer() =>
        MessageList.Join(["b", "a"]).Should().Be("a, b");

    [TestCase(1, "1 endpoint")]
    [TestCase(0, "0 endpoints")]
    [TestCase(2, "2 endpoints")]
    public void Counts_with_the_right_plural(int count, string expected) =>
        MessageList.Count(count, "endpoint", "endpoints").Should().Be(expected);

    [Test]
    public void A_warning_about_thousands_of_excluded_nodes_stays_one_short_line()
    {
        var nodes = Enumerable.Range(0, 2_000)
            .Select(i => NodeAdapter.From(TestObjects.Node($"node-{i:D4}", TestObjects.LabelSet("node.kubernetes.io/exclude-from-external-load-balancers"))))
            .ToList();
        var plan = ServicePlanner.Plan(ServiceAdapter.Facts(TestObjects.Service(), ManagementOptions.Default), nodes, []);
        plan.Warnings.Should().ContainSingle().Which.Message.Should().Be(
            "all 2000 nodes are excluded: node-0000 (labelled node.kubernetes.io/exclude-from-external-load-balancers), "
            + "node-0001 (labelled node.kubernetes.io/exclude-from-external-load-balancers), "
            + "node-0002 (labelled node.kubernetes.io/exclude-from-external-load-balancers), "
            + "node-0003 (labelled node.kubernetes.io/exclude-from-external-load-balancers), "
            + "node-0004 (labelled node.kubernetes.io/exclude-from-external-load-balancers) and 1995 more");
    }
}
