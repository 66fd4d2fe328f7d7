using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class EndpointSliceChangeMapperTests
{
    [Test]
    public void Replaced_pods_on_the_same_nodes_in_another_order_are_no_change()
    {
        var before = EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1"), Endpoint("b", pod: "p2")));
        var after = EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("b", pod: "p3"), Endpoint("a", pod: "p4")));

        EndpointSliceChangeMapper.SameNodesAndReadiness(before, after).Should().BeTrue();
    }

    [Test]
    public void Readiness_node_and_count_changes_are_changes()
    {
        var before = EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1")));

        EndpointSliceChangeMapper.SameNodesAndReadiness(before, EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("a", ready: false, pod: "p1")))).Should().BeFalse();
        EndpointSliceChangeMapper.SameNodesAndReadiness(before, EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("b", pod: "p1")))).Should().BeFalse();
        EndpointSliceChangeMapper.SameNodesAndReadiness(before, EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1"), Endpoint("a", pod: "p2")))).Should().BeFalse();
    }
}
