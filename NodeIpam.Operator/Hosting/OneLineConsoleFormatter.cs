using System.Collections;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using k8s.Autorest;
using k8s.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace NodeIpam.Operator.Hosting;

/// <summary>
/// The operator's console log format: one line per entry, as text on a terminal or as JSON (one object per line, with
/// the structured fields) otherwise. An exception of an expected kind (the API server unreachable, refusing, timing
/// out; a bad kubeconfig) is shown as its messages only, never as a stack trace; other exceptions are bugs and keep
/// their stack trace.
/// </summary>
internal sealed class OneLineConsoleFormatter(bool json) : ConsoleFormatter(json ? JsonName : TextName)
{
    /// <summary>The formatter name when writing JSON.</summary>
    public const string JsonName = "nodeipam-json";

    /// <summary>The formatter name when writing text.</summary>
    public const string TextName = "nodeipam-text";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception is { } e ? Describe(e) : null;
        var time = DateTimeOffset.UtcNow;
        if (!json)
        {
            textWriter.Write($"{time:yyyy-MM-ddTHH:mm:ss.fffZ} {Level(logEntry.LogLevel),-5} {logEntry.Category}: {message}");
            textWriter.WriteLine(exception is null ? string.Empty : $" ({exception})");
            return;
        }

        using var buffer = new MemoryStream();
        // Relaxed escaping keeps non-ASCII text (the "→" of address changes) readable in kubectl logs.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("time", time);
            writer.WriteString("level", Level(logEntry.LogLevel));
            writer.WriteString("logger", logEntry.Category);
            writer.WriteString("msg", message);
            if (exception is not null)
            {
                writer.WriteString("error", exception);
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (key != "{OriginalFormat}")
                    {
                        writer.WriteString(key, FieldText(value));
                    }
                }
            }

            writer.WriteEndObject();
        }

        textWriter.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A structured field as text; a list as its items joined by commas, as the message template shows it.</summary>
    internal static string? FieldText(object? value) => value switch
    {
        null => null,
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The messages of an expected failure, or the whole exception (with stack trace) for anything else.</summary>
    internal static string Describe(Exception exception) =>
        IsExpected(exception) ? Messages(exception) : exception.ToString();

    private static bool IsExpected(Exception exception) => exception switch
    {
        HttpRequestException or HttpOperationException or SocketException or IOException or TimeoutException
            or TaskCanceledException or KubeConfigException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsExpected),
        _ => exception.GetType().Name == "KubeApiException",
    };

    // "outer: inner: innermost", without repeating a message the outer one already contains.
    private static string Messages(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (parts.Count == 0 || !parts[^1].Contains(current.Message, StringComparison.Ordinal))
            {
                parts.Add(current.Message);
            }
        }

        return string.Join(": ", parts);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "fatal",
        _ => "none",
    };
}
