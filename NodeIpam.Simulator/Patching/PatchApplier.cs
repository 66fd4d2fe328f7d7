using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Patching;

/// <summary>Chooses the patch algorithm from the request's Content-Type and parses the patch body.</summary>
internal static class PatchApplier
{
    public const string Merge = "application/merge-patch+json";
    public const string Json = "application/json-patch+json";
    public const string Strategic = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";

    /// <summary>The media type without parameters, or a 415 for unsupported ones.</summary>
    public static string MediaType(string? contentType)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media is Merge or Json or Strategic or Apply ? media : throw ApiError.UnsupportedMediaType(contentType ?? "");
    }

    /// <summary>Builds the function that patches a current object; the body is parsed once, up front.</summary>
    public static Func<JsonObject, JsonObject> Build(ResourceType type, string mediaType, byte[] body)
    {
        var patch = Parse(mediaType, body);
        return mediaType switch
        {
            Merge => current => JsonMergePatch.Apply(current, patch) as JsonObject ?? throw ApiError.BadRequest("a merge patch must be a JSON object"),
            Json => current => JsonPatch.Apply(current, patch),
            _ => current => StrategicMergePatch.Apply(type, current, mediaType == Apply ? StrategicMergePatch.Strip(patch) : patch),
        };
    }

    private static JsonNode? Parse(string mediaType, byte[] body)
    {
        try
        {
            return mediaType == Apply ? Http.BodyReader.Normalize(YamlJson.Parse(Encoding.UTF8.GetString(body))) : JsonNode.Parse(body);
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiError.BadRequest($"error decoding patch: {e.Message}");
        }
    }
}
