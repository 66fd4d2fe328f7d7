using System.Text;
using System.Text.Json.Nodes;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Events;

/// <summary>
/// The events.k8s.io/v1 JSON the recorder sends, written by hand so that eventTime and series.lastObservedTime are
/// MicroTime with six fractional digits (<see cref="MicroTime"/>), which the API server requires.
/// </summary>
internal static class EventJson
{
    public static string Create(EventDraft draft, EventRecorderOptions options, int? seriesCount = null, DateTimeOffset? lastObserved = null)
    {
        var regarding = new JsonObject
        {
            ["apiVersion"] = draft.Regarding.ApiVersion,
            ["kind"] = draft.Regarding.Kind,
            ["name"] = draft.Regarding.Name,
        };
        if (draft.Regarding.Namespace.Length > 0)
        {
            regarding["namespace"] = draft.Regarding.Namespace;
        }

        if (draft.Regarding.Uid is { Length: > 0 } uid)
        {
            regarding["uid"] = uid;
        }

        if (draft.Regarding.ResourceVersion is { Length: > 0 } resourceVersion)
        {
            regarding["resourceVersion"] = resourceVersion;
        }

        var json = new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = draft.Name, ["namespace"] = draft.Namespace },
            ["eventTime"] = MicroTime.Format(draft.EventTime),
            ["regarding"] = regarding,
            ["type"] = draft.Type.ToString(),
            ["reason"] = draft.Reason,
            ["action"] = draft.Action,
            ["note"] = draft.Note,
            ["reportingController"] = options.ReportingController,
            ["reportingInstance"] = options.ReportingInstance,
        };
        if (seriesCount is { } count && lastObserved is { } observed)
        {
            json["series"] = Series(count, observed);
        }

        return json.ToJsonString();
    }

    /// <summary>A JSON merge patch of the series.</summary>
    public static string SeriesPatch(int count, DateTimeOffset lastObserved) =>
        new JsonObject { ["series"] = Series(count, lastObserved) }.ToJsonString();

    /// <summary>Cuts <paramref name="note"/> to at most <paramref name="maxBytes"/> UTF-8 bytes without splitting a character.</summary>
    public static string TruncateNote(string? note, int maxBytes)
    {
        if (string.IsNullOrEmpty(note) || Encoding.UTF8.GetByteCount(note) <= maxBytes)
        {
            return note ?? string.Empty;
        }

        const string Ellipsis = "...";
        var budget = maxBytes - Ellipsis.Length;
        var length = 0;
        var bytes = 0;
        while (length < note.Length)
        {
            var step = char.IsHighSurrogate(note[length]) && length + 1 < note.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(note.AsSpan(length, step));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += step;
        }

        return note[..length] + Ellipsis;
    }

    private static JsonObject Series(int count, DateTimeOffset lastObserved) =>
        new() { ["count"] = count, ["lastObservedTime"] = MicroTime.Format(lastObserved) };
}
