using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>
/// The API server's Event columns (LAST SEEN TYPE REASON OBJECT MESSAGE; with -o wide also SUBOBJECT SOURCE FIRST
/// SEEN COUNT NAME), for core/v1 and events.k8s.io/v1 alike since both are one resource. As the server's printer:
/// first seen is firstTimestamp or else eventTime; last seen is the series' lastObservedTime, else lastTimestamp,
/// else first seen; count is the series count, else count, else 1; source falls back to reportingController and
/// reportingInstance.
/// </summary>
internal sealed class EventColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Last Seen", "Time when this Event was last seen"),
        new("Type", "Type of this event (Normal, Warning), new types could be added in the future."),
        new("Reason", "Reason is why the action was taken. It is human-readable."),
        new("Object", "The object that this event is about."),
        new("Subobject", "The subobject (field path) that this event is about.", Priority: 1),
        new("Source", "The component reporting this event.", Priority: 1),
        new("Message", "A human-readable description of the status of this operation."),
        new("First Seen", "Time when this Event was first seen", Priority: 1),
        new("Count", "The number of times this event has occurred.", Priority: 1, Type: "integer"),
        new("Name", "Name must be unique within a namespace.", Priority: 1, Format: "name"),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var about = obj["involvedObject"] ?? obj["regarding"];
        var source = obj["source"] ?? obj["deprecatedSource"];
        var first = FirstNonEmpty(Meta.String(obj, "firstTimestamp"), Meta.String(obj, "deprecatedFirstTimestamp"), Meta.String(obj, "eventTime"));
        var series = obj["series"];
        var last = series is not null
            ? Meta.String(series, "lastObservedTime")
            : FirstNonEmpty(Meta.String(obj, "lastTimestamp"), Meta.String(obj, "deprecatedLastTimestamp"), first);
        var count = series is not null ? Number(series["count"]) : Number(obj["count"] ?? obj["deprecatedCount"]) is var c and > 0 ? c : 1;
        var component = FirstNonEmpty(Meta.String(source, "component"), Meta.String(obj, "reportingComponent"), Meta.String(obj, "reportingController"));
        var instance = FirstNonEmpty(Meta.String(source, "host"), Meta.String(obj, "reportingInstance"));
        return
        [
            HumanDuration.Since(last, now),
            Meta.String(obj, "type") ?? "",
            Meta.String(obj, "reason") ?? "",
            $"{(Meta.String(about, "kind") ?? "").ToLowerInvariant()}/{Meta.String(about, "name")}",
            Meta.String(about, "fieldPath") ?? "",
            string.IsNullOrEmpty(instance) ? component ?? "" : $"{component}, {instance}",
            (Meta.String(obj, "message") ?? Meta.String(obj, "note") ?? "").Trim(),
            HumanDuration.Since(first, now),
            count,
            Meta.Name(obj),
        ];
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
