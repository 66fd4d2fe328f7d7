using k8s.Models;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Tests.Controllers;

public sealed class ObjectKeysTests
{
    [Test]
    public void A_namespaced_object_is_keyed_by_namespace_and_name()
    {
        var service = new V1Service { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" } };

        ObjectKeys.For(service).Should().Be(new ObjectKey("shop", "web"));
        ObjectKeys.For(service).ToString().Should().Be("shop/web");
    }

    [Test]
    public void A_cluster_scoped_object_has_an_empty_namespace()
    {
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "worker-1" } };

        ObjectKeys.For(node).Should().Be(ObjectKey.Cluster("worker-1"));
    }

    [Test]
    public void An_object_without_metadata_is_a_clear_error() =>
        FluentActions.Invoking(() => ObjectKeys.For(new V1Node())).Should().Throw<ArgumentException>().WithMessage("*metadata*");
}
