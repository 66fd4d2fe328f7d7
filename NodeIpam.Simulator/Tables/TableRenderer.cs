using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Tables;

/// <summary>
/// Server-side printing: answers <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c> with a
/// meta.k8s.io/v1 Table, as kubectl get asks for. Rows carry PartialObjectMetadata unless includeObject=Object.
/// </summary>
internal sealed class TableRenderer(TimeProvider time)
{
    public const string ContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

    private static readonly DefaultColumns Default = new();

    private static readonly Dictionary<string, ITableColumns> ByKey = new(StringComparer.Ordinal)
    {
        ["/services"] = new ServiceColumns(),
        ["/nodes"] = new NodeColumns(),
        ["/namespaces"] = new NamespaceColumns(),
        ["/events"] = new EventColumns(),
        ["events.k8s.io/events"] = new EventColumns(),
        ["discovery.k8s.io/endpointslices"] = new EndpointSliceColumns(),
        ["coordination.k8s.io/leases"] = new LeaseColumns(),
        ["apps/deployments"] = new DeploymentColumns(),
        ["/configmaps"] = new ConfigMapColumns(),
    };

    public static bool Wants(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("as=Table", StringComparison.Ordinal));

    public JsonObject Render(ResourceType type, IEnumerable<StoredObject> items, long resourceVersion, string? continueToken, HttpRequest request, bool withColumns = true)
    {
        var columns = ByKey.GetValueOrDefault(type.ResourceKey, Default);
        var include = request.Query["includeObject"].ToString() is { Length: > 0 } i ? i : "Metadata";
        var now = time.GetUtcNow();
        var rows = new JsonArray();
        foreach (var item in items)
        {
            rows.Add(Row(columns, item.ToNode(), include, now));
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        var table = new JsonObject { ["kind"] = "Table", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = metadata };
        if (withColumns)
        {
            table["columnDefinitions"] = new JsonArray([.. columns.Columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            })]);
        }
        else
        {
            table["columnDefinitions"] = null;
        }

        table["rows"] = rows;
        return table;
    }

    /// <summary>A watch frame whose object is replaced by a one-row Table (ERROR and BOOKMARK frames pass through).</summary>
    public byte[] RenderWatchFrame(ResourceType type, byte[] frame, HttpRequest request, bool first)
    {
        var node = JsonNode.Parse(frame)!.AsObject();
        var eventType = Meta.String(node, "type");
        if (eventType is "ERROR" or "BOOKMARK" || node["object"] is not JsonObject obj)
        {
            return frame;
        }

        var stored = new StoredObject(type, obj, 0);
        var rv = long.TryParse(Meta.ResourceVersion(obj), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
        var table = Render(type, [stored], rv, null, request, withColumns: first);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = eventType, ["object"] = table });
        return [.. bytes, (byte)'\n'];
    }

    private static JsonObject Row(ITableColumns columns, JsonObject obj, string include, DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Cells(obj, now)]) };
        row["object"] = include switch
        {
            "None" => null,
            "Object" => obj,
            _ => new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = obj["metadata"]?.DeepClone(),
            },
        };
        return row;
    }
}
