using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>Namespaces: Active phase, the kubernetes finalizer in spec, and the metadata.name label.</summary>
internal sealed class NamespaceStrategy : DefaultStrategy
{
    public NamespaceStrategy()
        : base(NameRule.Label)
    {
    }

    public override void PrepareForCreate(JsonObject obj)
    {
        obj["status"] = new JsonObject { ["phase"] = "Active" };
        obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
        AddNameLabel(obj);
    }

    public override void PrepareForUpdate(JsonObject next, JsonObject old) => AddNameLabel(next);

    private static void AddNameLabel(JsonObject obj)
    {
        var meta = Meta.Metadata(obj);
        if (meta["labels"] is not JsonObject labels)
        {
            labels = [];
            meta["labels"] = labels;
        }

        labels["kubernetes.io/metadata.name"] = Meta.Name(obj);
    }
}
