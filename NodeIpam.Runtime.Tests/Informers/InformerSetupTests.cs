using System.Text.Json;
using k8s.Models;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class InformerSetupTests
{
    private const string NodeJson = """
        {"apiVersion":"v1","kind":"Node",
         "metadata":{"name":"n1","creationTimestamp":"2026-01-02T03:04:05Z","annotations":{"a":"b"},"labels":{"zone":"z1"}},
         "status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"}],"images":[{"names":["app:1"],"sizeBytes":1}],
                   "capacity":{"cpu":"4"}}}
        """;

    [Test]
    public void Skipped_properties_are_not_read_and_everything_else_is_read_as_the_client_reads_it()
    {
        var setup = new InformerSetup<V1Node>()
            .SkipOnRead<V1NodeStatus>("images", "capacity")
            .SkipOnRead<V1ObjectMeta>("annotations");

        var node = JsonSerializer.Deserialize<V1Node>(NodeJson, setup.ReadOptions)!;

        node.Status.Images.Should().BeNull();
        node.Status.Capacity.Should().BeNull();
        node.Metadata.Annotations.Should().BeNull();
        node.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["zone"] = "z1" });
        node.Status.Addresses.Should().ContainSingle().Which.Address.Should().Be("10.0.0.1");
        node.Metadata.CreationTimestamp.Should().Be(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
    }

    [Test]
    public void Without_skips_the_client_options_are_used_unchanged()
    {
        var node = JsonSerializer.Deserialize<V1Node>(NodeJson, new InformerSetup<V1Node>().ReadOptions)!;

        node.Status.Images.Should().ContainSingle();
        node.Metadata.Annotations.Should().ContainKey("a");
    }

    [Test]
    public void A_property_the_model_does_not_have_is_a_clear_error_at_start_up()
    {
        var setup = new InformerSetup<V1Node>().SkipOnRead<V1NodeStatus>("imagez");

        FluentActions.Invoking(() => setup.ReadOptions).Should().Throw<ArgumentException>()
            .WithMessage("V1NodeStatus has no JSON property 'imagez'*images*");
    }
}
