using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>NAME and AGE, for kinds without a dedicated printer.</summary>
internal sealed class DefaultColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now) =>
        [Meta.Name(obj), HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now)];
}
