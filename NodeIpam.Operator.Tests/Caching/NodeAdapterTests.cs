using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Caching;

[TestFixture]
internal sealed class NodeAdapterTests
{
    [Test]
    public void A_heartbeat_makes_equal_facts_and_a_readiness_change_does_not()
    {
        var since = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var before = Ready(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")), "True", since, heartbeat: since);
        var heartbeat = Ready(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")), "True", since, heartbeat: since.AddSeconds(40));
        heartbeat.Status.Images = [new V1ContainerImage { Names = ["app:2"] }];
        var notReady = Ready(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")), "False", since.AddMinutes(1), heartbeat: since.AddMinutes(1));

        NodeAdapter.From(heartbeat).Should().Be(NodeAdapter.From(before), "only what the rules read is in the record");
        NodeAdapter.From(notReady).Should().NotBe(NodeAdapter.From(before));
        NodeAdapter.From(notReady).ReadyTransition.Should().Be(new DateTimeOffset(since.AddMinutes(1)));
    }

    [Test]
    public void Labels_addresses_exclusions_and_names_make_different_facts()
    {
        var node = NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")));

        NodeAdapter.From(Node("n", LabelSet("pool=green"), ("InternalIP", "10.0.0.1"))).Should().NotBe(node);
        NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.2"))).Should().NotBe(node);
        NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1"), ("ExternalIP", "10.0.0.011"))).Should().NotBe(node, "a skipped address is reported");
        NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")).WithTaint(WellKnown.ToBeDeletedTaint)).Should().NotBe(node);
        NodeAdapter.From(Node("m", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1"))).Should().NotBe(node);
        NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("Hostname", "n"), ("InternalIP", "10.0.0.1"))).Should().Be(node, "other address types are not read");
    }

    [Test]
    public void Equal_names_labels_and_addresses_of_different_nodes_are_one_shared_instance()
    {
        var adapter = new NodeAdapter(new NamePool());
        var first = Node(new string("node-1".ToCharArray()), LabelSet("pool=blue"), ("InternalIP", new string("10.0.0.1".ToCharArray())));
        var again = Node(new string("node-1".ToCharArray()), LabelSet("pool=blue"), ("InternalIP", new string("10.0.0.1".ToCharArray())));

        var (a, b) = (adapter.Adapt(first), adapter.Adapt(again));

        b.Name.Should().BeSameAs(a.Name);
        b.Labels.Keys.Single().Should().BeSameAs(a.Labels.Keys.Single());
        b.GetAddresses(IpFamily.IPv4, NodeAddressType.InternalIP)[0].Text
            .Should().BeSameAs(a.GetAddresses(IpFamily.IPv4, NodeAddressType.InternalIP)[0].Text);
    }

    [Test]
    public void Only_the_addresses_the_facts_keep_go_into_the_pool()
    {
        var pool = new NamePool();
        var dns = new string("n.eu-west-1.compute.internal".ToCharArray());
        var internalIp = new string("10.0.0.1".ToCharArray());

        new NodeAdapter(pool).Adapt(Node("n", null, ("InternalDNS", dns), ("Hostname", dns), ("InternalIP", internalIp)));

        pool.Share(new string(dns.ToCharArray())).Should().NotBeSameAs(dns, "a name the facts do not keep would only fill the pool");
        pool.Share(new string(internalIp.ToCharArray())).Should().BeSameAs(internalIp);
    }

    private static V1Node Ready(V1Node node, string status, DateTime since, DateTime heartbeat)
    {
        node.Status.Conditions =
        [
            new V1NodeCondition { Type = "MemoryPressure", Status = "False", LastHeartbeatTime = heartbeat },
            new V1NodeCondition { Type = "Ready", Status = status, LastTransitionTime = since, LastHeartbeatTime = heartbeat, Reason = "KubeletReady", Message = $"at {heartbeat:O}" },
        ];
        return node;
    }
}
