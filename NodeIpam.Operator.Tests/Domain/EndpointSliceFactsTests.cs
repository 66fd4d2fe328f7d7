using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

public class EndpointSliceFactsTests
{
    [TestCase(null, null, null, true, false)]
    [TestCase(true, null, null, true, false)]
    [TestCase(false, null, null, false, false)]
    [TestCase(false, true, true, false, true)]
    [TestCase(false, null, true, false, false)]
    [TestCase(false, true, null, false, false)]
    [TestCase(null, null, true, true, true)]
    public void Defaults_conditions_as_the_API_documents(bool? ready, bool? serving, bool? terminating, bool isReady, bool isServingTerminating)
    {
        var facts = EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("n1", ready, serving, terminating)));

        (facts.EndpointCount, facts.ReadyCount, facts.ServingTerminatingCount).Should().Be((1, isReady ? 1 : 0, isServingTerminating ? 1 : 0));
        facts.ReadyNodeNames.Should().Equal(isReady ? ["n1"] : []);
        facts.ServingTerminatingNodeNames.Should().Equal(isServingTerminating ? ["n1"] : []);
        facts.HasEndpointWithoutNodeName.Should().BeFalse();
    }

    [Test]
    public void Names_endpoints_by_their_Pod_and_treats_an_empty_nodeName_as_none()
    {
        var facts = EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint(string.Empty, pod: "web-1"), Endpoint(null)));

        facts.EndpointsWithoutNodeName.Should().Equal(new EndpointFacts(null, true, false, "web-1"), new EndpointFacts(null, true, false, "10.244.0.1"));
        facts.ReadyNodeNames.Should().BeEmpty();
        facts.ReadyCount.Should().Be(2);
    }

    [Test]
    public void Belongs_only_to_the_Service_of_the_same_namespace_and_name()
    {
        var web = ServiceAdapter.Facts(Service("web", "shop"), ManagementOptions.Default);
        EndpointSliceAdapter.From(Slice("s", "web", "shop")).BelongsTo(web).Should().BeTrue();
        EndpointSliceAdapter.From(Slice("s", "web", "other")).BelongsTo(web).Should().BeFalse();
        EndpointSliceAdapter.From(Slice("s", "api", "shop")).BelongsTo(web).Should().BeFalse();
        EndpointSliceAdapter.From(new V1EndpointSlice { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "shop" } }).BelongsTo(web).Should().BeFalse();
    }

    [Test]
    public void Node_names_are_distinct_and_in_ordinal_order_whatever_the_endpoint_order()
    {
        var facts = EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("b"), Endpoint("a"), Endpoint("b"), Endpoint("c", ready: false)));

        facts.ReadyNodeNames.Should().Equal("a", "b");
        (facts.EndpointCount, facts.ReadyCount).Should().Be((4, 3));
    }

    [Test]
    public void Replaced_pods_on_the_same_nodes_in_another_order_are_equal()
    {
        var before = EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1"), Endpoint("b", pod: "p2")));
        var after = EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("b", pod: "p3"), Endpoint("a", pod: "p4")));

        (before == after).Should().BeTrue();
    }

    [Test]
    public void Readiness_node_count_and_service_changes_are_not_equal()
    {
        var before = EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1")));

        (before == EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("a", ready: false, pod: "p1")))).Should().BeFalse();
        (before == EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("b", pod: "p1")))).Should().BeFalse();
        (before == EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1"), Endpoint("a", pod: "p2")))).Should().BeFalse();
        (before == EndpointSliceAdapter.From(Slice("s", "api", "shop", Endpoint("a", pod: "p1")))).Should().BeFalse();
        (before == EndpointSliceAdapter.From(Slice("s", "web", "shop", Endpoint("a", pod: "p1"), Endpoint(null, pod: "p2")))).Should().BeFalse();
    }
}
