using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Patching;

/// <summary>
/// The patch strategies (patchStrategy/patchMergeKey struct tags of k8s.io/api) for the list fields of the
/// served kinds. A list not named here is atomic: a patch replaces it.
/// </summary>
internal static class PatchStrategies
{
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal) { "containers", "initContainers", "ephemeralContainers" };

    private static readonly Dictionary<string, string> ByFieldName = new(StringComparer.Ordinal)
    {
        ["conditions"] = "type",
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["imagePullSecrets"] = "name",
        ["resourceClaims"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["ownerReferences"] = "uid",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
    };

    /// <summary>Sentinel merge key of lists of scalars merged as a set (metadata.finalizers).</summary>
    public const string PrimitiveMerge = "";

    /// <summary>The merge key of the list at <paramref name="path"/> (field names, indices dropped); null when atomic.</summary>
    public static string? MergeKey(ResourceType type, IReadOnlyList<string> path)
    {
        var last = path[^1];
        var parent = path.Count > 1 ? path[^2] : "";
        return last switch
        {
            "finalizers" when path.Count == 2 && parent == "metadata" => PrimitiveMerge,
            "ports" when Containers.Contains(parent) => "containerPort",
            "ports" when type.Kind == "Service" && path.Count == 2 && parent == "spec" => "port",
            "taints" when type.Kind == "Node" => "key",
            "addresses" when type.Kind == "Node" && parent == "status" => "type",
            "env" or "volumeMounts" or "volumeDevices" when !Containers.Contains(parent) => null,
            _ => ByFieldName.GetValueOrDefault(last),
        };
    }
}
