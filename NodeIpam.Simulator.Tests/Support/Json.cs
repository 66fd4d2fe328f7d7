using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Tests.Support;

/// <summary>Small JSON helpers for assertions.</summary>
internal static class Json
{
    public static string? Str(JsonNode? node, string dotted)
    {
        foreach (var part in dotted.Split('.'))
        {
            node = node is JsonObject o ? o[part] : node is JsonArray a && int.TryParse(part, out var i) && i < a.Count ? a[i] : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
    }

    public static string Type(JsonObject watchEvent) => watchEvent["type"]!.GetValue<string>();

    public static string Name(JsonObject watchEvent) => Str(watchEvent, "object.metadata.name") ?? "";
}
