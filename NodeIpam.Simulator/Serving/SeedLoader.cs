using System.Text.Json.Nodes;
using NodeIpam.Simulator.Patching;

namespace NodeIpam.Simulator.Serving;

/// <summary>
/// Loads seed objects from YAML or JSON files (multi-document, and kind: List) or directories of them, and
/// writes them through the store. Namespaces first, so namespaced objects find theirs. A bad object is
/// reported and skipped; the others still load.
/// </summary>
internal static class SeedLoader
{
    public static int Load(SimulatorStore store, IEnumerable<string> paths, TextWriter errors)
    {
        var objects = paths.SelectMany(Files).SelectMany(f => Read(f, errors)).ToList();
        var ordered = objects.OrderBy(o => Api.Meta.String(o.Node, "kind") == "Namespace" ? 0 : 1).ToList();
        var loaded = 0;
        foreach (var (file, node) in ordered)
        {
            try
            {
                store.UpsertJson(node.ToJsonString());
                loaded++;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                errors.WriteLine($"{file}: {Api.Meta.String(node, "kind")} {Api.Meta.Name(node)}: {e.Message}");
            }
        }

        return loaded;
    }

    private static IEnumerable<string> Files(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Where(f => Path.GetFileName(f) != "kustomization.yaml")
                .Order(StringComparer.Ordinal)
            : [path];

    private static List<(string File, JsonObject Node)> Read(string file, TextWriter errors)
    {
        try
        {
            var docs = YamlJson.ParseAll(File.ReadAllText(file)).OfType<JsonObject>();
            return [.. docs.SelectMany(Expand).Select(d => (file, d))];
        }
        catch (Exception e) when (e is IOException or YamlDotNet.Core.YamlException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{file}: {e.Message}");
            return [];
        }
    }

    private static IEnumerable<JsonObject> Expand(JsonObject doc) =>
        Api.Meta.String(doc, "kind") is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && doc["items"] is JsonArray items
            ? items.OfType<JsonObject>().Select(i => i.DeepClone().AsObject())
            : [doc];
}
