using System.Text;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

public class AddressCapTests
{
    private const string Uid = "6b3e1c1e-0c4e-4a55-9d1e-5d8a1f1a2b3c";

    [Test]
    public void A_cap_keeps_the_top_ranked_nodes_addresses_in_numeric_order_and_explains_the_others()
    {
        var nodes = Enumerable.Range(1, 5).Select(i => Node($"n{i}", null, ("InternalIP", $"10.0.0.{i}"))).ToArray();
        var ranked = nodes.OrderBy(n => AddressCap.RankKey(Uid, n.Metadata.Name)).ToList();

        var plan = Plan(Capped("2"), nodes);

        plan.Ingress.Should().Equal(ranked.Take(2).Select(n => n.Status.Addresses[0].Address).Order(StringComparer.Ordinal));
        plan.Warnings.Should().BeEmpty("a cap asked for is no warning");
        var third = plan.ExplainNodes().Single(d => d.Name == ranked[2].Metadata.Name);
        third.Should().Be(new NodeDecision(ranked[2].Metadata.Name, false, "not chosen: rank 3 of 5 (nodeipam.io/max-addresses-per-family: 2)"));
        plan.ExplainNodes().Single(d => d.Name == ranked[0].Metadata.Name).Reason.Should().EndWith("(rank 1 of 5)");
    }

    [Test]
    public void A_dual_stack_service_is_capped_per_family()
    {
        var nodes = Enumerable.Range(1, 4).Select(i => Node($"n{i}", null, ("InternalIP", $"10.0.0.{i}"), ("InternalIP", $"fd00::{i}"))).ToArray();
        var service = Capped("1");
        service.Spec.IpFamilies = ["IPv6", "IPv4"];

        var plan = Plan(service, nodes);

        plan.Ingress.Should().HaveCount(2);
        plan.Ingress[0].Should().StartWith("fd00::");
        plan.Families.Select(f => f.AddressCount).Should().Equal(1, 1);
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("three")]
    [TestCase("+3")]
    [TestCase("")]
    public void An_invalid_cap_is_a_warning_and_no_cap_applies(string value)
    {
        var plan = Plan(Capped(value), Node("a", null, ("InternalIP", "10.0.0.1")), Node("b", null, ("InternalIP", "10.0.0.2")));

        plan.Ingress.Should().HaveCount(2);
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.InvalidAnnotation,
            $"annotation nodeipam.io/max-addresses-per-family \"{value}\" is invalid: it takes a whole number of at least 1; no cap applies"));
    }

    [Test]
    public void Without_a_cap_the_ingress_is_kept_under_the_size_limit_by_the_same_ranking()
    {
        // 300 nodes with 100 long IPv6 addresses each: 30,000 addresses, some 1.9 MiB as the controller writes them.
        var nodes = Enumerable.Range(0, 300).Select(n => Node(
            $"n{n}",
            null,
            [.. Enumerable.Range(0, 100).Select(a => ("InternalIP", $"2001:db8:1234:5678:9abc:def0:{n:x4}:{a + 1:x4}"))])).ToArray();
        var service = Service(families: ["IPv6"]);
        service.Metadata.Uid = Uid;

        var plan = Plan(service, nodes);

        var body = StatusPatch.Build("1", plan.Ingress, new DesiredCondition("True", "Assigned", "", DateTimeOffset.UnixEpoch));
        Encoding.UTF8.GetByteCount(body).Should().BeLessThanOrEqualTo(AddressCap.MaxIngressJsonBytes + 1000);
        AddressCap.JsonBytes(plan.Ingress).Should().BeLessThanOrEqualTo(AddressCap.MaxIngressJsonBytes);
        var leftOut = 30_000 - plan.Ingress.Count;
        leftOut.Should().BePositive();
        plan.Warnings.Should().ContainSingle().Which.Should().Be(new PlanWarning(
            PlanWarningCode.IngressTooLarge,
            $"{leftOut:N0} addresses are left out (the lowest-ranked nodes') to keep the status under the API server's size limit; {plan.Ingress.Count:N0} advertised"));
        var top = nodes.MinBy(n => AddressCap.RankKey(Uid, n.Metadata.Name))!;
        plan.Ingress.Should().Contain(
            NodeAdapter.From(top).GetAddresses(IpFamily.IPv6, NodeAddressType.InternalIP).Select(a => a.Text), "the highest-ranked node is kept whole");
        plan.ExplainNodes().Count(d => d.Reason.StartsWith("not chosen:", StringComparison.Ordinal)).Should().BeGreaterThan(0);
        plan.ExplainNodes().First(d => !d.Selected).Reason.Should().Contain("(the status size limit of 1,024 KiB)");
    }

    private static V1Service Capped(string value)
    {
        var service = NotReadyRuleTests.Annotated(Service(), WellKnown.MaxAddressesPerFamilyAnnotation, value);
        service.Metadata.Uid = Uid;
        return service;
    }

    private static ServicePlan Plan(V1Service service, params V1Node[] nodes) =>
        ServicePlanner.Plan(ServiceAdapter.Facts(service, ManagementOptions.Default), [.. nodes.Select(n => NodeAdapter.From(n))], []);
}
