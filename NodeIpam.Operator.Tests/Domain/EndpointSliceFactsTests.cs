using k8s.Models;
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
        var facts = EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint("n1", ready, serving, terminating)));
        facts.Endpoints.Should().ContainSingle().Which.Should().Be(new EndpointFacts("n1", isReady, isServingTerminating, "10.244.0.1"));
    }

    [Test]
    public void Names_endpoints_by_their_Pod_and_treats_an_empty_nodeName_as_none()
    {
        var facts = EndpointSliceFacts.From(Slice("s", "web", "shop", Endpoint(string.Empty, pod: "web-1")));
        facts.Endpoints[0].Should().Be(new EndpointFacts(null, true, false, "web-1"));
    }

    [Test]
    public void Belongs_only_to_the_Service_of_the_same_namespace_and_name()
    {
        var web = ServiceFacts.From(Service("web", "shop"), ManagementOptions.Default);
        EndpointSliceFacts.From(Slice("s", "web", "shop")).BelongsTo(web).Should().BeTrue();
        EndpointSliceFacts.From(Slice("s", "web", "other")).BelongsTo(web).Should().BeFalse();
        EndpointSliceFacts.From(Slice("s", "api", "shop")).BelongsTo(web).Should().BeFalse();
        EndpointSliceFacts.From(new V1EndpointSlice { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "shop" } }).BelongsTo(web).Should().BeFalse();
    }
}
