using System.Globalization;
using System.Text;

namespace NodeIpam.Runtime.Metrics;

/// <summary>Escaping and number formatting of the Prometheus text exposition format 0.0.4.</summary>
internal static class TextFormat
{
    /// <summary>The Content-Type of a scrape response.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>HELP text escapes backslash and newline only.</summary>
    public static void AppendHelp(StringBuilder output, string help) => AppendEscaped(output, help, escapeQuote: false);

    /// <summary>Label values escape backslash, double quote and newline.</summary>
    public static void AppendLabel(StringBuilder output, string name, string value)
    {
        output.Append(name).Append("=\"");
        AppendEscaped(output, value, escapeQuote: true);
        output.Append('"');
    }

    private static void AppendEscaped(StringBuilder output, string text, bool escapeQuote)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => output.Append(@"\\"),
                '\n' => output.Append(@"\n"),
                '"' when escapeQuote => output.Append("\\\""),
                _ => output.Append(c),
            };
        }
    }

    /// <summary>Go's spelling of special values (+Inf, -Inf, NaN) and a round-trippable invariant number otherwise.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        return value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
    }
}
