using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Patching;

namespace NodeIpam.Simulator.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    private static readonly ResourceType Service = ResourceCatalog.Find("", "v1", "services")!;
    private static readonly ResourceType Node = ResourceCatalog.Find("", "v1", "nodes")!;
    private static readonly ResourceType Deployment = ResourceCatalog.Find("apps", "v1", "deployments")!;

    private static string Apply(ResourceType type, string target, string patch) =>
        StrategicMergePatch.Apply(type, JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch)).ToJsonString();

    [Test]
    public void Labels_merge_and_null_deletes()
    {
        Apply(Service, """{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"b":null,"c":"3"}}}""")
            .Should().Be("""{"metadata":{"labels":{"a":"1","c":"3"}}}""");
    }

    [Test]
    public void Conditions_merge_by_type()
    {
        Apply(Node, """{"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"DiskPressure","status":"False"}]}}""", """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"PIDPressure","status":"False"}]}}""")
            .Should().Be("""{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"DiskPressure","status":"False"},{"type":"PIDPressure","status":"False"}]}}""");
    }

    [Test]
    public void Service_ports_merge_by_port_and_set_element_order_reorders()
    {
        Apply(Service, """{"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https"}]}}""", """{"spec":{"$setElementOrder/ports":[{"port":443},{"port":80}],"ports":[{"port":443,"targetPort":8443}]}}""")
            .Should().Be("""{"spec":{"ports":[{"port":443,"name":"https","targetPort":8443},{"port":80,"name":"http"}]}}""");
    }

    [Test]
    public void Patch_delete_removes_a_keyed_element()
    {
        Apply(Service, """{"spec":{"ports":[{"port":80},{"port":443}]}}""", """{"spec":{"ports":[{"port":80,"$patch":"delete"}]}}""")
            .Should().Be("""{"spec":{"ports":[{"port":443}]}}""");
    }

    [Test]
    public void Patch_replace_replaces_a_map_or_a_list()
    {
        Apply(Service, """{"spec":{"selector":{"a":"1","b":"2"}}}""", """{"spec":{"selector":{"$patch":"replace","c":"3"}}}""")
            .Should().Be("""{"spec":{"selector":{"c":"3"}}}""");
        Apply(Service, """{"spec":{"ports":[{"port":80},{"port":443}]}}""", """{"spec":{"ports":[{"port":8080},{"$patch":"replace"}]}}""")
            .Should().Be("""{"spec":{"ports":[{"port":8080}]}}""");
    }

    [Test]
    public void Retain_keys_drops_the_keys_not_listed()
    {
        Apply(Deployment, """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""", """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""")
            .Should().Be("""{"spec":{"strategy":{"type":"Recreate"}}}""");
    }

    [Test]
    public void Finalizers_merge_as_a_set_and_delete_from_primitive_list_removes()
    {
        Apply(Service, """{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"finalizers":["b","c"]}}""")
            .Should().Be("""{"metadata":{"finalizers":["a","b","c"]}}""");
        Apply(Service, """{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""")
            .Should().Be("""{"metadata":{"finalizers":["b"]}}""");
    }

    [Test]
    public void Atomic_lists_are_replaced()
    {
        Apply(Service, """{"status":{"loadBalancer":{"ingress":[{"ip":"1.1.1.1"},{"ip":"2.2.2.2"}]}}}""", """{"status":{"loadBalancer":{"ingress":[{"ip":"3.3.3.3"}]}}}""")
            .Should().Be("""{"status":{"loadBalancer":{"ingress":[{"ip":"3.3.3.3"}]}}}""");
    }

    [Test]
    public void Containers_merge_by_name_and_their_ports_by_container_port()
    {
        Apply(Deployment, """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x","ports":[{"containerPort":80}]}]}}}}""", """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"y","ports":[{"containerPort":9090}]}]}}}}""")
            .Should().Be("""{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"y","ports":[{"containerPort":80},{"containerPort":9090}]}]}}}}""");
    }

    [Test]
    public void A_non_object_patch_is_a_bad_request()
    {
        var act = () => Apply(Service, "{}", "[]");

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }
}
