using NodeIpam.Operator.Caching;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Caching;

[TestFixture]
internal sealed class EndpointSliceAdapterTests
{
    [Test]
    public void A_slice_is_summarised_with_the_api_defaults_of_its_conditions()
    {
        var slice = Slice(
            "s",
            "web",
            "shop",
            Endpoint("node-a", pod: "p1"),
            Endpoint("node-b", ready: false, serving: false, terminating: true, pod: "p2"),
            Endpoint("node-c", ready: false, terminating: true, pod: "p3"),
            Endpoint(null, pod: "p4"));

        var facts = EndpointSliceAdapter.From(slice);

        (facts.Namespace, facts.Name, facts.ServiceName).Should().Be(("shop", "s", "web"));
        (facts.EndpointCount, facts.ReadyCount, facts.ServingTerminatingCount).Should().Be((4, 2, 0));
        facts.CountsOn("node-a").Should().BeTrue("ready is absent: ready");
        facts.CountsOn("node-b").Should().BeFalse("neither ready nor serving");
        facts.CountsOn("node-c").Should().BeFalse("serving is absent: as ready, which is false");
        facts.EndpointsWithoutNodeName.Should().ContainSingle().Which.Display.Should().Be("p4");
    }

    [Test]
    public void Node_names_of_different_slices_are_one_shared_string()
    {
        var adapter = new EndpointSliceAdapter(new NamePool());

        var a = adapter.Adapt(Slice("a", "web", "shop", Endpoint(new string("node-1".ToCharArray()), pod: "p1")));
        var b = adapter.Adapt(Slice("b", "api", "shop", Endpoint(new string("node-1".ToCharArray()), pod: "p2")));

        b.ReadyNodeNames.Single().Should().BeSameAs(a.ReadyNodeNames.Single());
    }
}
