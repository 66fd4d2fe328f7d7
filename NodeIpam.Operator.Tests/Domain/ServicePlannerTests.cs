using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

public class ServicePlannerTests
{
    [Test]
    public void Unmanaged_Services_get_no_plan()
    {
        var plan = Plan(Service(loadBalancerClass: "other"), [Node("n1", null, ("InternalIP", "10.0.0.1"))]);
        plan.Managed.Should().BeFalse();
        plan.Ingress.Should().BeEmpty();
        plan.ExplainNodes().Should().BeEmpty();
        plan.KeepsCurrentStatus.Should().BeFalse();
    }

    [Test]
    public void Advertises_InternalIPs_when_no_node_has_an_ExternalIP()
    {
        var plan = Plan(Service(), [Node("n1", null, ("InternalIP", "10.0.0.10")), Node("n2", null, ("InternalIP", "10.0.0.9"))]);
        plan.Ingress.Should().Equal("10.0.0.9", "10.0.0.10");
        plan.Warnings.Should().BeEmpty();
        plan.Families.Should().Equal(new FamilyChoice(IpFamily.IPv4, NodeAddressType.InternalIP, 2));
    }

    [Test]
    public void Advertises_only_ExternalIPs_when_any_selected_node_has_one()
    {
        var plan = Plan(Service(), [
            Node("n1", null, ("InternalIP", "10.0.0.1"), ("ExternalIP", "203.0.113.1")),
            Node("n2", null, ("InternalIP", "10.0.0.2"))]);
        plan.Ingress.Should().Equal("203.0.113.1");
        plan.ExplainNodes().Should().Equal(
            new NodeDecision("n1", true, "selected: advertises 203.0.113.1"),
            new NodeDecision("n2", true, "selected, but advertises nothing: IPv4 uses ExternalIPs (another selected node has one) and this node has none"));
    }

    [Test]
    public void Decides_external_or_internal_per_family_and_keeps_family_order()
    {
        var nodes = new[]
        {
            Node("n1", null, ("InternalIP", "10.0.0.1"), ("ExternalIP", "203.0.113.1"), ("InternalIP", "fd00::1")),
            Node("n2", null, ("InternalIP", "10.0.0.2"), ("InternalIP", "fd00::2")),
        };
        Plan(Service(families: ["IPv6", "IPv4"]), nodes).Ingress.Should().Equal("fd00::1", "fd00::2", "203.0.113.1");
        Plan(Service(families: ["IPv4", "IPv6"]), nodes).Families.Should().Equal(
            new FamilyChoice(IpFamily.IPv4, NodeAddressType.ExternalIP, 1),
            new FamilyChoice(IpFamily.IPv6, NodeAddressType.InternalIP, 2));
    }

    [Test]
    public void Single_stack_Services_get_only_their_family()
    {
        var nodes = new[] { Node("n1", null, ("InternalIP", "10.0.0.1"), ("InternalIP", "fd00::1")) };
        Plan(Service(families: ["IPv6"]), nodes).Ingress.Should().Equal("fd00::1");
        Plan(Service(families: ["IPv4"]), nodes).Ingress.Should().Equal("10.0.0.1");
    }

    [Test]
    public void Removes_duplicates_and_sorts_numerically_in_canonical_form()
    {
        var plan = Plan(Service(families: ["IPv4", "IPv6"]), [
            Node("n1", null, ("InternalIP", "10.0.0.10"), ("InternalIP", "2001:DB8::A")),
            Node("n2", null, ("InternalIP", "10.0.0.9"), ("InternalIP", "2001:db8:0::a"), ("InternalIP", "::ffff:10.0.0.10")),
            Node("n3", null, ("InternalIP", "10.0.0.10"), ("InternalIP", "2001:db8::9"))]);
        plan.Ingress.Should().Equal("10.0.0.9", "10.0.0.10", "2001:db8::9", "2001:db8::a");
    }

    [Test]
    public void Skips_and_reports_invalid_addresses_of_selected_nodes()
    {
        var plan = Plan(Service(), [
            Node("n1", null, ("InternalIP", "10.0.0.011"), ("InternalIP", "10.0.0.2")),
            Node("n2", null, ("InternalIP", "300.1.1.1"))]);
        plan.Ingress.Should().Equal("10.0.0.2");
        plan.Warnings.Select(w => w.Code).Should().Equal(PlanWarningCode.InvalidNodeAddress, PlanWarningCode.InvalidNodeAddress);
        plan.Warnings[0].Message.Should().Be(
            "node n1 has addresses that are not valid IP addresses and are skipped: InternalIP \"10.0.0.011\" (leading zero in \"011\", which some parsers read as octal)");
        plan.ExplainNodes()[1].Reason.Should().Be(
            "selected, but advertises nothing: no InternalIP of IPv4; skipped invalid InternalIP \"300.1.1.1\" (\"300\" is greater than 255)");
    }

    [Test]
    public void Skips_and_reports_addresses_that_cannot_receive_traffic_apart_from_malformed_ones()
    {
        var plan = Plan(Service(families: ["IPv4", "IPv6"]), [
            Node("n1", null, ("ExternalIP", "0.0.0.0"), ("InternalIP", "10.0.0.1"), ("InternalIP", "::1"), ("InternalIP", "fd00::1")),
            Node("n2", null, ("InternalIP", "224.0.0.1"), ("InternalIP", "10.0.0.011"), ("InternalIP", "ff02::1"))]);

        // The unusable ExternalIP does not count: IPv4 falls back to the InternalIPs.
        plan.Ingress.Should().Equal("10.0.0.1", "fd00::1");
        plan.Warnings.Should().Equal(
            new PlanWarning(
                PlanWarningCode.InvalidNodeAddress,
                "node n2 has addresses that are not valid IP addresses and are skipped: InternalIP \"10.0.0.011\" (leading zero in \"011\", which some parsers read as octal)"),
            new PlanWarning(
                PlanWarningCode.UnusableNodeAddress,
                "node n1 has addresses that cannot receive traffic and are skipped: ExternalIP \"0.0.0.0\" (current network 0.0.0.0/8: cannot receive traffic), InternalIP \"::1\" (loopback ::1/128: cannot receive traffic)"),
            new PlanWarning(
                PlanWarningCode.UnusableNodeAddress,
                "node n2 has addresses that cannot receive traffic and are skipped: InternalIP \"224.0.0.1\" (multicast 224.0.0.0/4: cannot receive traffic), InternalIP \"ff02::1\" (multicast ff00::/8: cannot receive traffic)"));
    }

    [Test]
    public void Excludes_deleted_labelled_and_autoscaler_tainted_nodes_but_not_cordoned_ones()
    {
        var cordoned = Node("cordoned", null, ("InternalIP", "10.0.0.4"));
        cordoned.Spec = new V1NodeSpec { Unschedulable = true, Taints = [new V1Taint { Effect = "NoSchedule", Key = "node.kubernetes.io/unschedulable" }] };
        var plan = Plan(Service(), [
            Node("deleting", null, ("InternalIP", "10.0.0.1")).Deleting(),
            Node("labelled", LabelSet("node.kubernetes.io/exclude-from-external-load-balancers=true"), ("InternalIP", "10.0.0.2")),
            Node("tainted", null, ("InternalIP", "10.0.0.3")).WithTaint("ToBeDeletedByClusterAutoscaler"),
            cordoned]);
        plan.Ingress.Should().Equal("10.0.0.4");
        plan.ExplainNodes().Select(d => d.Reason).Should().Equal(
            "selected: advertises 10.0.0.4",
            "excluded: being deleted",
            "excluded: labelled node.kubernetes.io/exclude-from-external-load-balancers",
            "excluded: tainted ToBeDeletedByClusterAutoscaler");
    }

    [Test]
    public void Warns_when_every_matching_node_is_excluded()
    {
        var plan = Plan(Service(selector: "zone=a"), [
            Node("a1", LabelSet("zone=a"), ("InternalIP", "10.0.0.1")).Deleting(),
            Node("b1", LabelSet("zone=b"), ("InternalIP", "10.0.0.2"))]);
        plan.Ingress.Should().BeEmpty();
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.AllMatchingNodesExcluded,
            "the only node matching the selector \"zone=a\" is excluded: a1 (being deleted)"));
    }

    [Test]
    public void Warns_when_the_selector_matches_no_node()
    {
        var plan = Plan(Service(selector: "zone=c"), [Node("a1", LabelSet("zone=a"), ("InternalIP", "10.0.0.1"))]);
        plan.Ingress.Should().BeEmpty();
        plan.Warnings.Should().Equal(new PlanWarning(PlanWarningCode.NoNodeMatchesSelector, "the selector \"zone=c\" matches no node (of 1)"));
        plan.ExplainNodes().Should().Equal(new NodeDecision("a1", false, "does not match the node selector"));
    }

    [Test]
    public void Warns_when_there_are_no_nodes() =>
        Plan(Service(), []).Warnings.Should().Equal(new PlanWarning(PlanWarningCode.NoNodes, "the cluster has no nodes"));

    [Test]
    public void Warns_per_family_without_addresses()
    {
        var plan = Plan(Service(families: ["IPv4", "IPv6"]), [Node("n1", null, ("InternalIP", "10.0.0.1"))]);
        plan.Ingress.Should().Equal("10.0.0.1");
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.NoAddressOfFamily,
            "no address of family IPv6 on the selected nodes (no InternalIP or ExternalIP of that family)"));
    }

    [Test]
    public void An_invalid_selector_is_an_error_that_keeps_the_status_and_never_selects_everything()
    {
        var plan = Plan(Service(selector: "zone in (a"), [Node("n1", null, ("InternalIP", "10.0.0.1"))]);
        plan.Ingress.Should().BeEmpty();
        plan.KeepsCurrentStatus.Should().BeTrue();
        plan.Error.Should().Be(
            "invalid node selector in annotation io.cilium.nodeipam/match-node-labels \"zone in (a\": unexpected end of selector: expected ',' or ')' at position 10; the current status is kept");
        plan.ExplainNodes().Should().Equal(new NodeDecision("n1", false, "not evaluated: the node selector is invalid"));
    }

    [TestCase("zone=a", "10.0.0.1")]
    [TestCase("zone==a", "10.0.0.1")]
    [TestCase("zone!=a", "10.0.0.2,10.0.0.3")]
    [TestCase("zone in (a,b)", "10.0.0.1,10.0.0.2")]
    [TestCase("zone notin (a,b)", "10.0.0.3")]
    [TestCase("zone", "10.0.0.1,10.0.0.2")]
    [TestCase("!zone", "10.0.0.3")]
    [TestCase("", "10.0.0.1,10.0.0.2,10.0.0.3")]
    [TestCase("  ", "10.0.0.1,10.0.0.2,10.0.0.3")]
    public void Selects_nodes_with_each_selector_operator(string selector, string expected)
    {
        var plan = Plan(Service(selector: selector), [
            Node("a", LabelSet("zone=a"), ("InternalIP", "10.0.0.1")),
            Node("b", LabelSet("zone=b"), ("InternalIP", "10.0.0.2")),
            Node("none", null, ("InternalIP", "10.0.0.3"))]);
        string.Join(',', plan.Ingress).Should().Be(expected);
    }

    private static ServicePlan Plan(V1Service service, V1Node[] nodes, params V1EndpointSlice[] slices) =>
        ServicePlanner.Plan(
            ServiceAdapter.Facts(service, ManagementOptions.Default),
            nodes.Select(NodeAdapter.From).ToList(),
            slices.Select(s => EndpointSliceAdapter.From(s)).ToList());
}
