using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Api;

/// <summary>Typed access to the metadata and common paths of a JSON object.</summary>
internal static class Meta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? String(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(JsonObject obj) => String(obj["metadata"], "name") ?? "";

    public static string Namespace(JsonObject obj) => String(obj["metadata"], "namespace") ?? "";

    public static string? ResourceVersion(JsonObject obj) => String(obj["metadata"], "resourceVersion");

    /// <summary>Labels as a dictionary; non-string values are skipped (validation rejects them earlier).</summary>
    public static Dictionary<string, string> Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"]);

    public static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject map)
        {
            foreach (var (k, v) in map)
            {
                if (v is JsonValue value && value.TryGetValue<string>(out var s))
                {
                    result[k] = s;
                }
            }
        }

        return result;
    }

    /// <summary>Follows a dotted path through objects; null when any step is missing.</summary>
    public static JsonNode? Path(JsonNode? node, string dotted)
    {
        foreach (var part in dotted.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A scalar at a dotted path rendered as the API server's field selectors see it.</summary>
    public static string? ScalarText(JsonNode? node, string dotted) => Path(node, dotted) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a
            ? a.Select(n => n?.GetValue<string>() ?? "").ToList()
            : [];
}
