using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's EndpointSlice columns: NAME ADDRESSTYPE PORTS ENDPOINTS AGE.</summary>
internal sealed class EndpointSliceColumns : ITableColumns
{
    /// <summary>kubectl lists this many values, then "+ N more...".</summary>
    private const int MaxShown = 3;

    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("AddressType", "Type of address carried by this EndpointSlice."),
        new("Ports", "Ports allowed by this EndpointSlice."),
        new("Endpoints", "Endpoints included in this EndpointSlice."),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var ports = obj["ports"] is JsonArray p
            ? p.Select(n => n?["port"]?.ToJsonString() ?? "").ToList()
            : [];
        var addresses = obj["endpoints"] is JsonArray e
            ? e.SelectMany(n => n?["addresses"] is JsonArray a ? a.Select(x => x?.GetValue<string>() ?? "") : []).ToList()
            : [];
        return
        [
            Meta.Name(obj),
            Meta.String(obj, "addressType") ?? "",
            ports.Count == 0 ? "<unset>" : Shorten(ports),
            addresses.Count == 0 ? "<unset>" : Shorten(addresses),
            HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
        ];
    }

    private static string Shorten(List<string> values) =>
        values.Count > MaxShown
            ? string.Join(",", values.Take(MaxShown)) + $" + {values.Count - MaxShown} more..."
            : string.Join(",", values);
}
