using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's ConfigMap columns: NAME DATA AGE.</summary>
internal sealed class ConfigMapColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Data", "Number of data entries", Type: "integer"),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now) =>
    [
        Meta.Name(obj),
        Entries(obj["data"]) + Entries(obj["binaryData"]),
        HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
    ];

    private static int Entries(JsonNode? map) => map is JsonObject o ? o.Count : 0;
}
