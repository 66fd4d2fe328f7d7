using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Api;

/// <summary>
/// Minimal OpenAPI documents. kubectl create/apply need one to exist; with no schemas in it kubectl cannot
/// validate client-side and leaves field validation to the server (which the simulator does not do either,
/// beyond its own validation rules).
/// </summary>
internal static class OpenApi
{
    /// <summary>/openapi/v3: one entry per served group version.</summary>
    public static JsonObject V3Index()
    {
        var paths = new JsonObject();
        foreach (var (group, version) in ResourceCatalog.GroupVersions)
        {
            var path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash=0" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>
    /// /openapi/v3/api/v1 and friends: no schemas, and for each kind only a PATCH operation tagged with its
    /// group-version-kind and the fieldValidation parameter. kubectl's query-parameter verifier reads exactly
    /// that to decide that the server validates fields, so it sends fieldValidation=Strict and skips its own
    /// schema validation (and never falls back to the protobuf /openapi/v2).
    /// </summary>
    public static JsonObject V3Document(string path)
    {
        var paths = new JsonObject();
        foreach (var type in ResourceCatalog.All.Where(t => (t.Group.Length == 0 ? $"api/{t.Version}" : $"apis/{t.Group}/{t.Version}") == path))
        {
            var ns = type.Namespaced ? "/namespaces/{namespace}" : "";
            paths[$"/{path}{ns}/{type.Plural}/{{name}}"] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{type.Kind}",
                    ["parameters"] = new JsonArray(
                        Parameter("fieldValidation"), Parameter("fieldManager"), Parameter("dryRun"), Parameter("force")),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    /// <summary>The /version answer: a 1.32 server.</summary>
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-nodeipam-simulator",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
