using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's Service columns: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and SELECTOR with -o wide.</summary>
internal sealed class ServiceColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Type", "The type of the service."),
        new("Cluster-IP", "The IP address of the service."),
        new("External-IP", "The external IP address of the service."),
        new("Port(s)", "The ports that the service exposes."),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
        new("Selector", "Route service traffic to pods with label keys and values matching this selector.", Priority: 1),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        var clusterIp = Meta.String(spec, "clusterIP");
        return
        [
            Meta.Name(obj),
            Meta.String(spec, "type") ?? "ClusterIP",
            string.IsNullOrEmpty(clusterIp) ? "<none>" : clusterIp,
            ExternalIp(obj, spec),
            Ports(spec),
            HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
            Selector(spec["selector"]),
        ];
    }

    /// <summary>Comma-joined label map, sorted by key, or &lt;none&gt;.</summary>
    public static string Selector(JsonNode? selector)
    {
        var map = Meta.StringMap(selector);
        return map.Count == 0 ? "<none>" : string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    private static string ExternalIp(JsonObject obj, JsonObject spec)
    {
        var externalIps = spec["externalIPs"] is JsonArray e ? e.Select(n => n?.GetValue<string>() ?? "").ToList() : [];
        switch (Meta.String(spec, "type") ?? "ClusterIP")
        {
            case "ExternalName":
                return Meta.String(spec, "externalName") ?? "<none>";
            case "LoadBalancer":
                var ingress = obj["status"]?["loadBalancer"]?["ingress"] is JsonArray i
                    ? i.Select(n => Meta.String(n, "ip") ?? Meta.String(n, "hostname") ?? "").Where(s => s.Length > 0).ToList()
                    : [];
                // The API server prints with Wide set, so the list is never cut at 16 characters here.
                var lb = string.Join(",", ingress);
                if (externalIps.Count > 0)
                {
                    return string.Join(",", (lb.Length > 0 ? lb.Split(',') : []).Concat(externalIps));
                }

                return lb.Length > 0 ? lb : "<pending>";
            default:
                return externalIps.Count > 0 ? string.Join(",", externalIps) : "<none>";
        }
    }

    private static string Ports(JsonObject spec)
    {
        var ports = spec["ports"] is JsonArray a ? a.OfType<JsonObject>().ToList() : [];
        if (ports.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", ports.Select(p =>
        {
            var protocol = Meta.String(p, "protocol") ?? "TCP";
            var nodePort = p["nodePort"]?.ToJsonString();
            return nodePort is null or "0"
                ? $"{p["port"]?.ToJsonString()}/{protocol}"
                : $"{p["port"]?.ToJsonString()}:{nodePort}/{protocol}";
        }));
    }
}
