using System.Text.Json;
using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// Reads what <c>kubectl get nodes,services,endpointslices -A -o yaml|json</c> prints: a v1 List (or a typed list
/// such as NodeList, whose items inherit its kind), single or multi-document YAML, or JSON; from files, from the
/// .yaml/.yml/.json files of a directory (not recursive, in name order), or from standard input ("-"). Kinds other
/// than v1 Node, v1 Service and discovery.k8s.io/v1 EndpointSlice are ignored. Any problem is an
/// <see cref="InputException"/> naming the source.
/// </summary>
internal static class ClusterDumpReader
{
    /// <summary>
    /// Deepest nesting of YAML mappings and sequences, or JSON objects and arrays: a Kubernetes object in a List needs
    /// about 10. YamlDotNet's loader recurses per level, so without a limit a deep input overflows the stack.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// Most one input (a file, or standard input) may hold: 1 GiB, far above a 5,000-node dump (about 150 MB); an
    /// endless input such as /dev/zero ends with an error instead of exhausting memory. Counted in characters on a
    /// stream.
    /// </summary>
    public const long MaxInputBytes = 1L << 30;

    private const string MaxInputText = "1 GiB";
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Reads every source in order.</summary>
    public static ClusterDump Read(IReadOnlyList<string> sources, TextReader stdin)
    {
        var collector = new Collector();
        foreach (var source in sources)
        {
            if (source == "-")
            {
                ReadInput("<stdin>", stdin, collector);
            }
            else if (Directory.Exists(source))
            {
                var files = Directory.EnumerateFiles(source)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    ReadFile(file, collector);
                }
            }
            else
            {
                ReadFile(source, collector);
            }
        }

        return collector.ToDump();
    }

    /// <summary>Reads one input (YAML or JSON) into the collector; <paramref name="source"/> names it in errors.</summary>
    internal static void ReadInput(string source, TextReader input, Collector collector)
    {
        var reader = new LimitedTextReader(input, source, MaxInputBytes, MaxInputText);
        try
        {
            if (reader.PeekNonWhiteSpace() is '{' or '[')
            {
                ReadJson(source, reader.ReadToEnd(), collector);
            }
            else
            {
                ReadYaml(source, reader, collector);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {source}: {OneLine(e.Message)}", e);
        }
        catch (OutOfMemoryException e)
        {
            throw new InputException($"{source}: not enough memory to read it", e);
        }
    }

    private static void ReadFile(string path, Collector collector)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file or directory");
        }

        try
        {
            // A regular file's size is known at once; devices and pipes report 0 and are counted while read.
            if (new FileInfo(path).Length > MaxInputBytes)
            {
                throw new InputException($"{path}: larger than {MaxInputText}, the limit for one input");
            }

            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            ReadInput(path, reader, collector);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"cannot read {path}: {OneLine(e.Message)}", e);
        }
    }

    private static void ReadJson(string source, string text, Collector collector)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxNesting });
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: not valid JSON: {OneLine(e.Message)}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var objects = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            foreach (var item in objects)
            {
                AddJsonObject(source, item, null, collector);
            }
        }
    }

    private static void AddJsonObject(string source, JsonElement element, (string ApiVersion, string Kind)? inherited, Collector collector)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{source}: expected a Kubernetes object, found a JSON {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var apiVersion = element.TryGetProperty("apiVersion", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : inherited?.ApiVersion;
        var kind = element.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : inherited?.Kind;
        var type = ObjectType(source, apiVersion, kind);
        if (type == ObjectKind.List)
        {
            if (element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    AddJsonObject(source, item, ItemType(apiVersion!, kind!), collector);
                }
            }

            return;
        }

        Convert(source, type, kind, element, collector, static (e, t) => t switch
        {
            ObjectKind.Node => KubernetesJson.Deserialize<V1Node>(e),
            ObjectKind.Service => KubernetesJson.Deserialize<V1Service>(e),
            _ => KubernetesJson.Deserialize<V1EndpointSlice>(e),
        });
    }

    private static void ReadYaml(string source, TextReader text, Collector collector)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(text), source, MaxNesting));
        }
        catch (YamlException e)
        {
            throw new InputException($"{source}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {OneLine(e.Message)}", e);
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                continue; // an empty document, e.g. after a trailing "---"
            }

            AddYamlObject(source, document.RootNode, null, collector);
        }
    }

    private static void AddYamlObject(string source, YamlNode node, (string ApiVersion, string Kind)? inherited, Collector collector)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new InputException($"{source}: line {node.Start.Line}: expected a Kubernetes object (a mapping)");
        }

        var apiVersion = Scalar(mapping, "apiVersion") ?? inherited?.ApiVersion;
        var kind = Scalar(mapping, "kind") ?? inherited?.Kind;
        var type = ObjectType($"{source}: line {node.Start.Line}", apiVersion, kind);
        if (type == ObjectKind.List)
        {
            if (mapping.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlSequenceNode sequence)
            {
                foreach (var item in sequence)
                {
                    AddYamlObject(source, item, ItemType(apiVersion!, kind!), collector);
                }
            }

            return;
        }

        Convert($"{source}: line {node.Start.Line}", type, kind, mapping, collector, static (m, t) =>
        {
            using var writer = new StringWriter();
            new YamlStream(new YamlDocument(m)).Save(writer, assignAnchors: false);
            var yaml = writer.ToString();
            return t switch
            {
                ObjectKind.Node => KubernetesYaml.Deserialize<V1Node>(yaml),
                ObjectKind.Service => KubernetesYaml.Deserialize<V1Service>(yaml),
                _ => (object)KubernetesYaml.Deserialize<V1EndpointSlice>(yaml),
            };
        });
    }

    private static void Convert<T>(string where, ObjectKind type, string? kind, T raw, Collector collector, Func<T, ObjectKind, object> deserialize)
    {
        if (type == ObjectKind.Other)
        {
            return;
        }

        object value;
        try
        {
            value = deserialize(raw, type);
        }
        catch (Exception e) when (e is JsonException or YamlException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InputException($"{where}: a {kind} that cannot be read: {OneLine(e.InnerException?.Message ?? e.Message)}", e);
        }

        collector.Add(value);
    }

    private static ObjectKind ObjectType(string where, string? apiVersion, string? kind)
    {
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            throw new InputException($"{where}: not a Kubernetes object (no apiVersion or kind)");
        }

        return (apiVersion, kind) switch
        {
            ("v1", "Node") => ObjectKind.Node,
            ("v1", "Service") => ObjectKind.Service,
            ("discovery.k8s.io/v1", "EndpointSlice") => ObjectKind.EndpointSlice,
            (_, "List") => ObjectKind.List,
            (_, _) when kind.EndsWith("List", StringComparison.Ordinal) => ObjectKind.List,
            _ => ObjectKind.Other,
        };
    }

    // Items of a typed list (NodeList) may omit apiVersion and kind; those of a v1 List always carry their own.
    private static (string, string)? ItemType(string apiVersion, string kind) =>
        kind == "List" ? null : (apiVersion, kind[..^"List".Length]);

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private enum ObjectKind
    {
        Other,
        List,
        Node,
        Service,
        EndpointSlice,
    }

    /// <summary>Keeps the last object read for each name.</summary>
    internal sealed class Collector
    {
        private readonly Dictionary<string, V1Node> nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, V1Service> services = new(StringComparer.Ordinal);
        private readonly Dictionary<string, V1EndpointSlice> slices = new(StringComparer.Ordinal);

        public void Add(object value)
        {
            switch (value)
            {
                case V1Node node:
                    nodes[node.Metadata?.Name ?? string.Empty] = node;
                    break;
                case V1Service service:
                    services[$"{service.Metadata?.NamespaceProperty}/{service.Metadata?.Name}"] = service;
                    break;
                case V1EndpointSlice slice:
                    slices[$"{slice.Metadata?.NamespaceProperty}/{slice.Metadata?.Name}"] = slice;
                    break;
            }
        }

        public ClusterDump ToDump() => new([.. nodes.Values], [.. services.Values], [.. slices.Values]);
    }
}
