using k8s.Models;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>
/// A small record an adapter makes of a ConfigMap, as an operator's cache would hold: no metadata, so its key and
/// resourceVersion can only come from the informer. A ConfigMap with a <c>poison</c> entry makes the adapter throw.
/// </summary>
internal sealed record ConfigMapColour(string Name, string? Colour)
{
    public static ConfigMapColour From(V1ConfigMap map) =>
        map.Data?.ContainsKey("poison") == true
            ? throw new InvalidOperationException($"{map.Metadata.Name} is poisoned")
            : new ConfigMapColour(map.Metadata.Name, (map.Data is { } data && data.TryGetValue("colour", out var colour) ? colour : null));

    /// <summary>What a <see cref="RecordingHandler{TEntity}"/> writes of it.</summary>
    public static string Describe(ConfigMapColour record) => record.Colour ?? "none";

    public static V1ConfigMap Map(string name, string colour, bool poison = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Data = poison ? new Dictionary<string, string> { ["colour"] = colour, ["poison"] = "yes" } : new Dictionary<string, string> { ["colour"] = colour },
    };
}
