using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Tables;

/// <summary>The server-side printer of one kind: its columns and the cells of one object.</summary>
internal interface ITableColumns
{
    IReadOnlyList<Column> Columns { get; }

    IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now);
}
