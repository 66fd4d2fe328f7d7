using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

public class NodeFactsTests
{
    [Test]
    public void A_plain_node_is_eligible() =>
        NodeAdapter.From(Node("n1")).Exclusions.Should().Be(NodeExclusions.None);

    [Test]
    public void A_node_being_deleted_is_excluded() =>
        NodeAdapter.From(Node("n1").Deleting()).Exclusions.Should().Be(NodeExclusions.BeingDeleted);

    [TestCase("")]
    [TestCase("true")]
    [TestCase("false")]
    public void The_exclusion_label_excludes_whatever_its_value(string value) =>
        NodeAdapter.From(Node("n1", LabelSet($"node.kubernetes.io/exclude-from-external-load-balancers={value}")))
            .Exclusions.Should().Be(NodeExclusions.ExcludeLabel);

    [TestCase("NoSchedule")]
    [TestCase("PreferNoSchedule")]
    [TestCase("NoExecute")]
    public void The_autoscaler_taint_excludes_whatever_its_effect(string effect) =>
        NodeAdapter.From(Node("n1").WithTaint("ToBeDeletedByClusterAutoscaler", effect))
            .Exclusions.Should().Be(NodeExclusions.ToBeDeletedTaint);

    [Test]
    public void Cordoned_and_not_ready_nodes_stay_eligible()
    {
        var node = Node("n1").WithTaint("node.kubernetes.io/unschedulable").WithTaint("node.kubernetes.io/not-ready", "NoExecute");
        node.Spec.Unschedulable = true;
        node.Status.Conditions = [new V1NodeCondition { Status = "False", Type = "Ready" }];
        NodeAdapter.From(node).Exclusions.Should().Be(NodeExclusions.None);
    }

    [Test]
    public void Every_reason_is_kept_and_described()
    {
        var facts = NodeAdapter.From(Node("n1", LabelSet("node.kubernetes.io/exclude-from-external-load-balancers")).Deleting().WithTaint("ToBeDeletedByClusterAutoscaler"));
        facts.Exclusions.Should().Be(NodeExclusions.BeingDeleted | NodeExclusions.ExcludeLabel | NodeExclusions.ToBeDeletedTaint);
        facts.Exclusions.Describe().Should().Be(
            "being deleted and labelled node.kubernetes.io/exclude-from-external-load-balancers and tainted ToBeDeletedByClusterAutoscaler");
    }

    [Test]
    public void Sorts_addresses_by_family_and_type_and_ignores_other_types()
    {
        var facts = NodeAdapter.From(Node(
            "n1",
            null,
            ("InternalIP", "10.0.0.1"),
            ("ExternalIP", "203.0.113.1"),
            ("InternalIP", "FD00::0001"),
            ("ExternalIP", "::ffff:198.51.100.7"),
            ("Hostname", "10.9.9.9"),
            ("InternalDNS", "n1.internal"),
            ("ExternalDNS", "n1.example.com")));

        Texts(facts, IpFamily.IPv4, NodeAddressType.InternalIP).Should().Equal("10.0.0.1");
        Texts(facts, IpFamily.IPv4, NodeAddressType.ExternalIP).Should().Equal("203.0.113.1", "198.51.100.7");
        Texts(facts, IpFamily.IPv6, NodeAddressType.InternalIP).Should().Equal("fd00::1");
        Texts(facts, IpFamily.IPv6, NodeAddressType.ExternalIP).Should().BeEmpty();
        facts.InvalidAddresses.Should().BeEmpty();
    }

    [Test]
    public void Keeps_several_addresses_in_every_family_and_type_whatever_the_order_they_come_in()
    {
        var facts = NodeAdapter.From(Node(
            "n1",
            null,
            ("ExternalIP", "2001:db8::2"),
            ("InternalIP", "10.0.0.2"),
            ("ExternalIP", "203.0.113.2"),
            ("InternalIP", "fd00::2"),
            ("ExternalIP", "2001:db8::1"),
            ("InternalIP", "10.0.0.1"),
            ("InternalIP", "fd00::1"),
            ("ExternalIP", "203.0.113.1")));

        Texts(facts, IpFamily.IPv4, NodeAddressType.InternalIP).Should().Equal("10.0.0.2", "10.0.0.1");
        Texts(facts, IpFamily.IPv4, NodeAddressType.ExternalIP).Should().Equal("203.0.113.2", "203.0.113.1");
        Texts(facts, IpFamily.IPv6, NodeAddressType.InternalIP).Should().Equal("fd00::2", "fd00::1");
        Texts(facts, IpFamily.IPv6, NodeAddressType.ExternalIP).Should().Equal("2001:db8::2", "2001:db8::1");
        facts.AllAddressTexts().Should().Equal(
            "10.0.0.2", "10.0.0.1", "203.0.113.2", "203.0.113.1", "fd00::2", "fd00::1", "2001:db8::2", "2001:db8::1");
    }

    [Test]
    public void The_same_address_under_another_type_makes_different_facts()
    {
        var internalIp = NodeAdapter.From(Node("n1", null, ("InternalIP", "10.0.0.1"), ("InternalIP", "fd00::1")));
        var externalIp = NodeAdapter.From(Node("n1", null, ("ExternalIP", "10.0.0.1"), ("InternalIP", "fd00::1")));

        externalIp.Should().NotBe(internalIp);
        externalIp.SameAddresses(internalIp).Should().BeFalse();
        NodeAdapter.From(Node("n1", null, ("InternalIP", "fd00::1"), ("InternalIP", "10.0.0.1"))).Should().Be(internalIp);
    }

    [Test]
    public void Labels_given_in_another_order_make_equal_facts()
    {
        var facts = NodeAdapter.From(Node("n1", LabelSet("zone=a", "pool=blue", "os=linux")));

        NodeAdapter.From(Node("n1", LabelSet("os=linux", "zone=a", "pool=blue"))).Should().Be(facts);
        NodeAdapter.From(Node("n1", LabelSet("os=linux", "zone=b", "pool=blue"))).Should().NotBe(facts);
        facts.Labels.Keys.Should().Equal("os", "pool", "zone");
    }

    [Test]
    public void Reports_invalid_addresses_of_advertisable_types_only()
    {
        var facts = NodeAdapter.From(Node("n1", null, ("InternalIP", "10.0.0.011"), ("ExternalIP", "10.5"), ("Hostname", "not-an-ip")));
        facts.InvalidAddresses.Select(a => a.ToString()).Should().Equal(
            "InternalIP \"10.0.0.011\" (leading zero in \"011\", which some parsers read as octal)",
            "ExternalIP \"10.5\" (an IPv4 address has exactly four dot-separated numbers)");
        Texts(facts, IpFamily.IPv4, NodeAddressType.InternalIP).Should().BeEmpty();
    }

    [Test]
    public void Reports_addresses_that_cannot_receive_traffic_and_keeps_private_ones()
    {
        var facts = NodeAdapter.From(Node(
            "n1",
            null,
            ("InternalIP", "127.0.0.1"),
            ("InternalIP", "192.168.1.5"),
            ("ExternalIP", "::ffff:0.0.0.0"),
            ("InternalIP", "fe80::1"),
            ("InternalIP", "fd00::5")));
        facts.InvalidAddresses.Select(a => (a.ToString(), a.CannotReceiveTraffic)).Should().Equal(
            ("InternalIP \"127.0.0.1\" (loopback 127.0.0.0/8: cannot receive traffic)", true),
            ("ExternalIP \"::ffff:0.0.0.0\" (current network 0.0.0.0/8: cannot receive traffic)", true),
            ("InternalIP \"fe80::1\" (link-local fe80::/10: cannot receive traffic)", true));
        Texts(facts, IpFamily.IPv4, NodeAddressType.InternalIP).Should().Equal("192.168.1.5");
        Texts(facts, IpFamily.IPv4, NodeAddressType.ExternalIP).Should().BeEmpty();
        Texts(facts, IpFamily.IPv6, NodeAddressType.InternalIP).Should().Equal("fd00::5");
    }

    [Test]
    public void Reads_a_node_with_nothing_but_a_name()
    {
        var facts = NodeAdapter.From(new V1Node { Metadata = new V1ObjectMeta { Name = "bare" } });
        facts.Name.Should().Be("bare");
        facts.Labels.Should().BeEmpty();
        facts.Exclusions.Should().Be(NodeExclusions.None);
    }

    private static IEnumerable<string> Texts(NodeFacts facts, IpFamily family, NodeAddressType type) =>
        facts.GetAddresses(family, type).Select(a => a.Text);
}
