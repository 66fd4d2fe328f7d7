using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Api;

/// <summary>
/// Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) for /api and /apis, which kubectl 1.32 asks
/// for first: one answer lists every resource, so kubectl skips the per-group-version requests.
/// </summary>
internal static class AggregatedDiscovery
{
    public const string ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private static readonly string[] ObjectVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];

    /// <summary>Whether the Accept header asks for the v2 aggregated form.</summary>
    public static bool Wanted(string? accept) =>
        accept is not null && accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal)
        && accept.Contains("v=v2;", StringComparison.Ordinal);

    /// <summary>The list for /api (<paramref name="core"/>) or /apis.</summary>
    public static JsonObject List(bool core)
    {
        var items = new JsonArray();
        foreach (var group in ResourceCatalog.GroupVersions.Select(gv => gv.Group).Distinct().Where(g => (g.Length == 0) == core))
        {
            var versions = new JsonArray();
            foreach (var (_, version) in ResourceCatalog.GroupVersions.Where(gv => gv.Group == group))
            {
                var resources = new JsonArray([.. ResourceCatalog.All.Where(t => t.Group == group && t.Version == version).Select(Resource)]);
                versions.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            var metadata = new JsonObject { ["creationTimestamp"] = null };
            if (group.Length > 0)
            {
                metadata["name"] = group;
            }

            items.Add(new JsonObject { ["metadata"] = metadata, ["versions"] = versions });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonNode Resource(ResourceType t)
    {
        var kind = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };
        var resource = new JsonObject
        {
            ["resource"] = t.Plural,
            ["responseKind"] = kind,
            ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = t.Singular,
            ["verbs"] = t.ReviewOnly ? Array(["create"]) : Array(ObjectVerbs),
        };
        if (t.ShortNames.Length > 0)
        {
            resource["shortNames"] = Array(t.ShortNames);
        }

        if (t.Categories.Count > 0)
        {
            resource["categories"] = Array(t.Categories);
        }

        if (t.HasStatus)
        {
            resource["subresources"] = new JsonArray(new JsonObject
            {
                ["subresource"] = "status",
                ["responseKind"] = kind.DeepClone(),
                ["verbs"] = Array(StatusVerbs),
            });
        }

        return resource;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
