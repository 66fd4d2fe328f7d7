using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace NodeIpam.Operator.Cli;

/// <summary>Writes the report as JSON (camelCase, indented, LF) or as the equivalent YAML (YamlDotNet).</summary>
internal static class PlanReportWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new NullAsWord(next), where => where.OnBottom())
        .WithNewLine("\n")
        .Build();

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

    /// <summary>
    /// The YAML text, written by YamlDotNet: the same property names as the JSON, block style, strings quoted only where
    /// YAML would otherwise read them as something else (a Service named "true", a reason with ": "), null as <c>null</c>.
    /// </summary>
    public static string ToYaml(PlanReport report) => Yaml.Serialize(report);

    /// <summary>Writes null as the word <c>null</c>, as the JSON does, rather than as an empty value with a trailing space.</summary>
    private sealed class NullAsWord(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is null)
            {
                eventInfo.RenderedValue = "null";
                eventInfo.Style = ScalarStyle.Plain;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
