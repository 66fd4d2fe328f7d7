using k8s.Models;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class ResourcePathsTests
{
    [Test]
    public void Core_kinds_live_under_api_v1()
    {
        var nodes = ResourcePaths.For<V1Node>();

        nodes.Collection().Should().Be("api/v1/nodes");
        nodes.ApiVersion.Should().Be("v1");
        nodes.Kind.Should().Be("Node");
    }

    [Test]
    public void Group_kinds_live_under_apis_group_version_and_namespaced_items_under_namespaces()
    {
        var leases = ResourcePaths.For<V1Lease>();

        leases.Collection().Should().Be("apis/coordination.k8s.io/v1/leases");
        leases.Item("kube-system", "op").Should().Be("apis/coordination.k8s.io/v1/namespaces/kube-system/leases/op");
        ResourcePaths.For<V1EndpointSlice>().Collection().Should().Be("apis/discovery.k8s.io/v1/endpointslices");
    }

    [Test]
    public void A_type_without_the_entity_attribute_is_a_clear_error()
    {
        FluentActions.Invoking(() => ResourcePaths.For<string>()).Should().Throw<ArgumentException>().WithMessage("*KubernetesEntity*");
    }
}
