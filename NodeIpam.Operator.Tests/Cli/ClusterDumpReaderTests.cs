using NodeIpam.Operator.Cli;

namespace NodeIpam.Operator.Tests.Cli;

public class ClusterDumpReaderTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("plan-input-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Reads_the_yaml_yml_and_json_files_of_a_directory_and_ignores_the_rest()
    {
        File.WriteAllText(Path.Combine(directory, "nodes.yaml"), "apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: b}\n");
        File.WriteAllText(Path.Combine(directory, "services.yml"), "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n");
        File.WriteAllText(Path.Combine(directory, "slices.json"), "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSliceList\",\"items\":[{\"metadata\":{\"name\":\"web-1\",\"namespace\":\"shop\"},\"addressType\":\"IPv4\",\"endpoints\":[]}]}");
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "not yaml: [");

        var dump = ClusterDumpReader.Read([directory], TextReader.Null);

        dump.Nodes.Select(n => n.Metadata.Name).Should().BeEquivalentTo("a", "b");
        dump.Services.Should().ContainSingle().Which.Metadata.Name.Should().Be("web");
        dump.EndpointSlices.Should().ContainSingle().Which.Metadata.Name.Should().Be("web-1");
    }

    [Test]
    public void Keeps_the_last_copy_of_an_object_read_twice()
    {
        File.WriteAllText(Path.Combine(directory, "1.yaml"), "apiVersion: v1\nkind: Node\nmetadata: {name: a, labels: {v: one}}\n");
        File.WriteAllText(Path.Combine(directory, "2.yaml"), "apiVersion: v1\nkind: Node\nmetadata: {name: a, labels: {v: two}}\n");

        ClusterDumpReader.Read([directory], TextReader.Null).Nodes.Should().ContainSingle().Which.Metadata.Labels["v"].Should().Be("two");
    }

    [Test]
    public void Ignores_other_kinds_and_versions()
    {
        var dump = ClusterDumpReader.Read(["-"], new StringReader(
            "apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\n---\napiVersion: discovery.k8s.io/v1beta1\nkind: EndpointSlice\nmetadata: {name: old}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"));
        dump.Nodes.Should().BeEmpty();
        dump.Services.Should().BeEmpty();
        dump.EndpointSlices.Should().BeEmpty();
    }

    [Test]
    public void Reads_an_empty_input_as_an_empty_cluster() =>
        ClusterDumpReader.Read(["-"], new StringReader(string.Empty)).Nodes.Should().BeEmpty();
}
