using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NodeIpam.Operator.Cli;

/// <summary>Writes the report as JSON (camelCase, indented, LF) or as the equivalent YAML.</summary>
internal static class PlanReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",

        // Selectors contain '<', '>' and '!'; printing them as \u003C helps nobody.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text, ending with a newline.</summary>
    public static string ToJson(PlanReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    /// <summary>The YAML text: the JSON tree in block style, every string double-quoted so nothing is re-typed.</summary>
    public static string ToYaml(PlanReport report)
    {
        var text = new StringBuilder();
        WriteYaml(JsonSerializer.SerializeToNode(report, Options), text, indent: 0, inSequence: false);
        return text.ToString();
    }

    private static void WriteYaml(JsonNode? node, StringBuilder text, int indent, bool inSequence)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                var first = true;
                foreach (var (key, value) in map)
                {
                    // The first key of a sequence item shares the "- " line.
                    text.Append(first && inSequence ? string.Empty : pad).Append(key).Append(':');
                    first = false;
                    WriteValue(value, text, indent);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    text.Append(pad).Append("- ");
                    if (item is JsonObject { Count: > 0 })
                    {
                        WriteYaml(item, text, indent + 2, inSequence: true);
                    }
                    else
                    {
                        text.Append(Scalar(item)).Append('\n');
                    }
                }

                break;
            default:
                text.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(JsonNode? value, StringBuilder text, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 }:
                text.Append('\n');
                WriteYaml(value, text, indent + 2, inSequence: false);
                break;
            case JsonArray { Count: > 0 }:
                text.Append('\n');
                WriteYaml(value, text, indent, inSequence: false);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>(), Options),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => node.ToJsonString(Options).ToString(CultureInfo.InvariantCulture),
    };
}
