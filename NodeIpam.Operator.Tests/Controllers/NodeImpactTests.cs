using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Labels;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class NodeImpactTests
{
    private static readonly NodeFacts Blue = Facts(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")));
    private static readonly NodeFacts Green = Facts(Node("n", LabelSet("pool=green"), ("InternalIP", "10.0.0.1")));
    private static readonly NodeFacts BlueMoved = Facts(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.2")));

    [Test]
    public void A_heartbeat_leaves_the_planning_facts_equal()
    {
        var before = Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1"));
        var after = Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1"));
        after.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastHeartbeatTime = DateTime.UtcNow }];
        after.Status.Images = [new V1ContainerImage { Names = ["app:1"] }];

        (Facts(before) == Facts(after)).Should().BeTrue();
    }

    [Test]
    public void Labels_addresses_and_exclusions_are_planning_facts()
    {
        (Blue == Green).Should().BeFalse();
        (Blue == BlueMoved).Should().BeFalse();
        (Blue == Facts(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")).WithTaint("ToBeDeletedByClusterAutoscaler"))).Should().BeFalse();
    }

    [TestCase("pool=blue", true, Description = "leaves the selection")]
    [TestCase("pool=green", true, Description = "enters the selection")]
    [TestCase("pool", false, Description = "matched before and after, nothing else changed")]
    [TestCase("pool=red", false, Description = "matched neither")]
    public void A_label_change_affects_a_service_only_when_the_node_enters_or_leaves_its_selection(string selector, bool affected) =>
        NodeImpact.Affects(Managed(), Parse(selector), Blue, Green, hasEndpointOnNode: false, serviceHasNoAddress: false).Should().Be(affected);

    [Test]
    public void An_address_change_affects_the_services_the_node_matches()
    {
        NodeImpact.Affects(Managed(), Parse("pool=blue"), Blue, BlueMoved, false, false).Should().BeTrue();
        NodeImpact.Affects(Managed(), Parse("pool=green"), Blue, BlueMoved, false, false).Should().BeFalse();
    }

    [Test]
    public void A_node_appearing_or_vanishing_affects_a_service_without_address_whatever_its_selector()
    {
        NodeImpact.Affects(Managed(), Parse("pool=red"), null, Blue, false, serviceHasNoAddress: true).Should().BeTrue();
        NodeImpact.Affects(Managed(), Parse("pool=red"), Blue, null, false, serviceHasNoAddress: true).Should().BeTrue();
        NodeImpact.Affects(Managed(), Parse("pool=red"), null, Blue, false, serviceHasNoAddress: false).Should().BeFalse();
    }

    [Test]
    public void For_local_services_only_nodes_with_endpoints_matter_while_they_have_addresses()
    {
        var local = Managed(policy: "Local");
        NodeImpact.Affects(local, LabelSelector.Everything, Blue, BlueMoved, hasEndpointOnNode: false, serviceHasNoAddress: false).Should().BeFalse();
        NodeImpact.Affects(local, LabelSelector.Everything, Blue, BlueMoved, hasEndpointOnNode: true, serviceHasNoAddress: false).Should().BeTrue();
        NodeImpact.Affects(local, LabelSelector.Everything, Blue, null, hasEndpointOnNode: true, serviceHasNoAddress: false).Should().BeTrue();
        NodeImpact.Affects(local, LabelSelector.Everything, Blue, BlueMoved, hasEndpointOnNode: false, serviceHasNoAddress: true).Should().BeTrue();
    }

    private static NodeFacts Facts(V1Node node) => NodeAdapter.From(node);

    private static ServiceFacts Managed(string? policy = null) => ServiceAdapter.Facts(Service(policy: policy), ManagementOptions.Default);

    private static LabelSelector Parse(string text) => LabelSelector.Parse(text).Selector!;
}
