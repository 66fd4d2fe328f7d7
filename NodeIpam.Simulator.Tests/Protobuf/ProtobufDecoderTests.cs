using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Protobuf;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Protobuf;

/// <summary>Decoding the protobuf bodies kubectl 1.32 really sends (captured with kubectl -v=9).</summary>
public sealed class ProtobufDecoderTests
{
    private const string CreateNamespaceFoo = "6b3873000a0f0a02763112094e616d657370616365121b0a130a03666f6f12001a0022002a0032003800420012001a020a001a002200";

    private const string CreateServiceNodePort = "6b3873000a0d0a02763112075365727669636512670a1d0a026e7012001a0022002a003200380042005a090a0361707012026e7012420a1d0a0738302d38303830120354435018502207080010903f1a002880eb0112090a0361707012026e701a0022084e6f6465506f72743a00420052005a00600068001a020a001a002200";

    [Test]
    public void Kubectl_create_namespace_decodes_to_a_namespace()
    {
        var obj = ProtobufDecoder.Decode(Convert.FromHexString(CreateNamespaceFoo));

        obj.ToJsonString().Should().Be("""{"metadata":{"name":"foo"},"apiVersion":"v1","kind":"Namespace"}""");
    }

    [Test]
    public void Kubectl_create_service_nodeport_decodes_ports_selector_and_type()
    {
        var obj = ProtobufDecoder.Decode(Convert.FromHexString(CreateServiceNodePort));

        Json.Str(obj, "kind").Should().Be("Service");
        Json.Str(obj, "metadata.labels.app").Should().Be("np");
        Json.Str(obj, "spec.type").Should().Be("NodePort");
        Json.Str(obj, "spec.selector").Should().Be("""{"app":"np"}""");
        Json.Str(obj, "spec.ports").Should().Be("""[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080,"nodePort":30080}]""");
    }

    [Test]
    public void A_body_without_the_envelope_is_a_bad_request()
    {
        var act = () => ProtobufDecoder.Decode([1, 2, 3]);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void A_truncated_body_is_a_bad_request()
    {
        var bytes = Convert.FromHexString(CreateServiceNodePort);

        var act = () => ProtobufDecoder.Decode(bytes[..40]);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void An_unknown_kind_is_415_so_the_client_knows_to_send_json()
    {
        var deployment = Convert.FromHexString("6b3873000a150a0761707073" + "2f7631120a4465706c6f796d656e74" + "1200");

        var act = () => ProtobufDecoder.Decode(deployment);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(415);
    }
}
