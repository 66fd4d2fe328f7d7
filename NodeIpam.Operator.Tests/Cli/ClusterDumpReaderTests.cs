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

    [Test]
    public void Reads_YAML_nested_64_levels_deep()
    {
        var dump = ClusterDumpReader.Read(["-"], new StringReader(NodeWithNesting(ClusterDumpReader.MaxNesting)));

        dump.Nodes.Should().ContainSingle().Which.Metadata.Name.Should().Be("deep");
    }

    [TestCase(65)]
    [TestCase(200_000)]
    public void Refuses_YAML_nested_deeper_than_64_levels_with_one_line(int levels)
    {
        var read = () => ClusterDumpReader.Read(["-"], new StringReader(NodeWithNesting(levels)));

        read.Should().Throw<InputException>().WithMessage("<stdin>: line 6: nested deeper than 64 levels, the limit");
    }

    [Test]
    public void Refuses_deep_block_YAML_too()
    {
        var yaml = "apiVersion: v1\nkind: Node\nmetadata:\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"{new string(' ', 2 * i)}k{i}:\n"));

        var read = () => ClusterDumpReader.Read(["-"], new StringReader(yaml));

        read.Should().Throw<InputException>().WithMessage("*nested deeper than 64 levels*");
    }

    [Test]
    public void Refuses_JSON_nested_deeper_than_64_levels()
    {
        var json = $"{{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{{\"name\":\"deep\"}},\"spec\":{{\"x\":{new string('[', 200_000)}{new string(']', 200_000)}}}}}";

        var read = () => ClusterDumpReader.Read(["-"], new StringReader(json));

        read.Should().Throw<InputException>().WithMessage("<stdin>: not valid JSON: *depth of 64*");
    }

    [Test]
    public async Task A_file_larger_than_1_GiB_is_one_line_and_exit_1()
    {
        // Sparse: the file system reports the size without storing (or the test reading) a gigabyte.
        var path = Path.Combine(directory, "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(ClusterDumpReader.MaxInputBytes + 1);
        }

        var (code, output, error) = await CliRunner.RunAsync("plan", "-f", path);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"error: {path}: larger than 1 GiB, the limit for one input{Environment.NewLine}");
    }

    [Test]
    public void A_stream_that_never_ends_is_cut_at_1_GiB()
    {
        // The fake produces characters without holding them: only the counting is exercised, not a gigabyte of memory.
        var reader = new LimitedTextReader(new EndlessReader(), "<stdin>", ClusterDumpReader.MaxInputBytes, "1 GiB");
        var buffer = new char[1 << 20];
        Array.Fill(buffer, ' ');
        long total = 0;

        var read = () =>
        {
            while (true)
            {
                total += reader.Read(buffer, 0, buffer.Length);
            }
        };

        read.Should().Throw<InputException>().WithMessage("<stdin>: larger than 1 GiB, the limit for one input");
        total.Should().Be(ClusterDumpReader.MaxInputBytes);
    }

    [Test]
    public async Task Binary_input_such_as_dev_zero_is_one_line_and_exit_1()
    {
        var (code, _, error) = await CliRunner.RunWithInputAsync(new string('\0', 10_000), "plan", "-f", "-");

        code.Should().Be(1);
        error.Should().Be($"error: <stdin>: holds a NUL character: binary data, not YAML or JSON text{Environment.NewLine}");
    }

    [Test]
    public void Looking_for_JSON_past_leading_white_space_consumes_nothing()
    {
        var dump = ClusterDumpReader.Read(["-"], new StringReader(new string(' ', 10_000) + "\n{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"a\"}}"));

        dump.Nodes.Should().ContainSingle().Which.Metadata.Name.Should().Be("a");
    }

    // A Node whose spec holds `levels` nested flow sequences in all (the Node mapping and spec count as two).
    private static string NodeWithNesting(int levels) =>
        $"apiVersion: v1\nkind: Node\nmetadata:\n  name: deep\nspec:\n  x: {new string('[', levels - 2)}{new string(']', levels - 2)}\n";

    /// <summary>Says it filled every buffer it is given, forever, without writing or allocating anything.</summary>
    private sealed class EndlessReader : TextReader
    {
        public override int Read(Span<char> buffer) => buffer.Length;
    }
}
