using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>
/// kubectl's Event columns: LAST SEEN TYPE REASON OBJECT MESSAGE, for core/v1 (involvedObject, message,
/// lastTimestamp) and events.k8s.io/v1 (regarding, note, eventTime) alike.
/// </summary>
internal sealed class EventColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Last Seen", "Time when this Event was last seen"),
        new("Type", "Type of this event (Normal, Warning), new types could be added in the future."),
        new("Reason", "Reason is why the action was taken. It is human-readable."),
        new("Object", "The object that this event is about."),
        new("Message", "A human-readable description of the status of this operation."),
        new("Name", "Name must be unique within a namespace.", Priority: 1, Format: "name"),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var about = obj["involvedObject"] ?? obj["regarding"];
        var last = Meta.String(obj, "lastTimestamp") ?? Meta.String(obj["series"], "lastObservedTime") ?? Meta.String(obj, "eventTime")
            ?? Meta.String(obj["metadata"], "creationTimestamp");
        return
        [
            HumanDuration.Since(last, now),
            Meta.String(obj, "type") ?? "",
            Meta.String(obj, "reason") ?? "",
            $"{(Meta.String(about, "kind") ?? "").ToLowerInvariant()}/{Meta.String(about, "name")}",
            Meta.String(obj, "message") ?? Meta.String(obj, "note") ?? "",
            Meta.Name(obj),
        ];
    }
}
