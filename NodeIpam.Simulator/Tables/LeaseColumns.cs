using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's Lease columns: NAME HOLDER AGE.</summary>
internal sealed class LeaseColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Holder", "The holder of the lease."),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now) =>
    [
        Meta.Name(obj),
        Meta.String(obj["spec"], "holderIdentity") ?? "",
        HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
    ];
}
