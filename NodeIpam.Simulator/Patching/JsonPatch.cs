using System.Globalization;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy, test. Failures are 422 like the API server's.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiError.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        JsonNode root = target;
        foreach (var op in operations.OfType<JsonObject>())
        {
            var kind = Api.Meta.String(op, "op");
            var path = Api.Meta.String(op, "path") ?? throw Fail("missing path");
            switch (kind)
            {
                case "add":
                    root = Add(root, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    _ = Get(root, path);
                    Remove(root, path);
                    root = Add(root, path, op["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Get(root, Api.Meta.String(op, "from") ?? throw Fail("missing from")).DeepClone();
                    Remove(root, Api.Meta.String(op, "from")!);
                    root = Add(root, path, moved);
                    break;
                case "copy":
                    root = Add(root, path, Get(root, Api.Meta.String(op, "from") ?? throw Fail("missing from")).DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw Fail($"testing value {path} failed: test failed");
                    }

                    break;
                default:
                    throw Fail($"Unexpected kind: {kind}");
            }
        }

        return root as JsonObject ?? throw Fail("the patch replaced the whole object with a non-object");
    }

    private static ApiError Fail(string why) => new(422, "Invalid", $"the server rejected our request due to an error in our request: {why}");

    private static (JsonNode Parent, string Token) Parent(JsonNode root, string path)
    {
        var tokens = path.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        if (tokens.Count == 0)
        {
            throw Fail("cannot operate on the document root");
        }

        var node = root;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            node = Child(node, token) ?? throw Fail($"doc is missing path: \"{path}\": missing value");
        }

        return (node, tokens[^1]);
    }

    private static JsonNode? Child(JsonNode node, string token) => node switch
    {
        JsonObject o => o[token],
        JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
        _ => null,
    };

    private static JsonNode Get(JsonNode root, string path)
    {
        var (parent, token) = Parent(root, path);
        return Child(parent, token) ?? throw Fail($"doc is missing path: \"{path}\": missing value");
    }

    private static JsonNode Add(JsonNode root, string path, JsonNode? value)
    {
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[token] = value;
                break;
            case JsonArray a when token == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Fail($"doc is missing path: \"{path}\": missing value");
        }

        return root;
    }

    private static void Remove(JsonNode root, string path)
    {
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(token):
                o.Remove(token);
                break;
            case JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw Fail($"doc is missing path: \"{path}\": missing value");
        }
    }
}
