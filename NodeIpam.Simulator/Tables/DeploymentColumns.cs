using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Tables;

/// <summary>kubectl's Deployment columns: NAME READY UP-TO-DATE AVAILABLE AGE, and containers, images, selector with -o wide.</summary>
internal sealed class DeploymentColumns : ITableColumns
{
    public IReadOnlyList<Column> Columns { get; } =
    [
        new("Name", "Name must be unique within a namespace.", Format: "name"),
        new("Ready", "Number of the pod with ready state"),
        new("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", Type: "integer"),
        new("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", Type: "integer"),
        new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created."),
        new("Containers", "Names of each container in the template.", Priority: 1),
        new("Images", "Images referenced by each container in the template.", Priority: 1),
        new("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", Priority: 1),
    ];

    public IReadOnlyList<JsonNode?> Cells(JsonObject obj, DateTimeOffset now)
    {
        var status = obj["status"];
        var containers = obj["spec"]?["template"]?["spec"]?["containers"] is JsonArray c ? c.OfType<JsonObject>().ToList() : [];
        var replicas = obj["spec"]?["replicas"]?.ToJsonString() ?? "1";
        return
        [
            Meta.Name(obj),
            $"{Number(status, "readyReplicas")}/{replicas}",
            Number(status, "updatedReplicas"),
            Number(status, "availableReplicas"),
            HumanDuration.Since(Meta.String(obj["metadata"], "creationTimestamp"), now),
            string.Join(",", containers.Select(x => Meta.String(x, "name"))),
            string.Join(",", containers.Select(x => Meta.String(x, "image"))),
            ServiceColumns.Selector(obj["spec"]?["selector"]?["matchLabels"]),
        ];
    }

    private static long Number(JsonNode? status, string field) =>
        status?[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
