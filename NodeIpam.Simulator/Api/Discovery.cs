using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Api;

/// <summary>Legacy discovery documents (/api, /api/v1, /apis, /apis/group, /apis/group/version) from the catalog.</summary>
internal static class Discovery
{
    private static readonly string[] ObjectVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. GroupNames().Select(g => (JsonNode)Group(g))]),
    };

    public static JsonObject Group(string group)
    {
        var versions = ResourceCatalog.GroupVersions.Where(gv => gv.Group == group)
            .Select(gv => (JsonNode)new JsonObject { ["groupVersion"] = $"{group}/{gv.Version}", ["version"] = gv.Version })
            .ToList();
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions]),
            ["preferredVersion"] = versions[0].DeepClone(),
        };
    }

    public static bool HasGroup(string group) => GroupNames().Contains(group);

    public static JsonObject? Resources(string group, string version)
    {
        var types = ResourceCatalog.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var t in types)
        {
            var resource = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
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

            resources.Add(resource);
            if (t.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = t.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = Array(StatusVerbs),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static IEnumerable<string> GroupNames() =>
        ResourceCatalog.GroupVersions.Select(gv => gv.Group).Where(g => g.Length > 0).Distinct();

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
