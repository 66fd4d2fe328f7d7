using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's Node columns: NAME STATUS ROLES AGE VERSION, and addresses, OS and runtime with -o wide.</summary>
internal sealed class NodeColumns : ITableColumns
{
    private const string RolePrefix = "node-role.kubernetes.io/";

    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Status", "The status of the node"),
        new("Roles", "The roles of the node"),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
        new("Version", "Kubelet Version reported by the node."),
        new("Internal-IP", "List of addresses reachable to the node. Queried from cloud provider, if available.", Priority: 1),
        new("External-IP", "List of addresses reachable to the node. Queried from cloud provider, if available.", Priority: 1),
        new("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", Priority: 1),
        new("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", Priority: 1),
        new("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", Priority: 1),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var info = obj["status"]?["nodeInfo"];
        return
        [
            Meta.Name(obj),
            Status(obj),
            Roles(obj),
            HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
            Meta.String(info, "kubeletVersion") ?? "",
            Address(obj, "InternalIP"),
            Address(obj, "ExternalIP"),
            Or(Meta.String(info, "osImage")),
            Or(Meta.String(info, "kernelVersion")),
            Or(Meta.String(info, "containerRuntimeVersion")),
        ];
    }

    private static string Status(JsonObject obj)
    {
        var ready = obj["status"]?["conditions"] is JsonArray c
            ? c.FirstOrDefault(n => Meta.String(n, "type") == "Ready")
            : null;
        var status = Meta.String(ready, "status") switch
        {
            "True" => "Ready",
            null => "Unknown",
            "Unknown" => "NotReady",
            _ => "NotReady",
        };
        return obj["spec"]?["unschedulable"]?.ToJsonString() == "true" ? status + ",SchedulingDisabled" : status;
    }

    private static string Roles(JsonObject obj)
    {
        var roles = Meta.Labels(obj)
            .Select(p => p.Key.StartsWith(RolePrefix, StringComparison.Ordinal) ? p.Key[RolePrefix.Length..]
                : p.Key == "kubernetes.io/role" ? p.Value : null)
            .Where(r => !string.IsNullOrEmpty(r))
            .Order(StringComparer.Ordinal)
            .ToList();
        return roles.Count == 0 ? "<none>" : string.Join(",", roles);
    }

    private static string Address(JsonObject obj, string type) =>
        obj["status"]?["addresses"] is JsonArray a
            ? Or(a.Where(n => Meta.String(n, "type") == type).Select(n => Meta.String(n, "address")).FirstOrDefault())
            : "<none>";

    private static string Or(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;
}
