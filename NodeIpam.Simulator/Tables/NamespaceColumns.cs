using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's Namespace columns: NAME STATUS AGE.</summary>
internal sealed class NamespaceColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Status", "The status of the namespace"),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now) =>
    [
        Meta.Name(obj),
        Meta.String(obj["status"], "phase") ?? "",
        HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
    ];
}
