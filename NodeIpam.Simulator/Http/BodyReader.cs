using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Patching;
using NodeIpam.Simulator.Protobuf;

namespace NodeIpam.Simulator.Http;

/// <summary>Reads request bodies: JSON, YAML, or the protobuf envelope kubectl sends for a few built-in kinds.</summary>
internal static class BodyReader
{
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>The body as a JSON object; 400 when it is not one, 415 for unknown media types.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        var bytes = await ReadBytesAsync(request);
        var media = (request.ContentType ?? Responses.Json).Split(';')[0].Trim().ToLowerInvariant();
        try
        {
            var node = media switch
            {
                "application/json" or "" => JsonNode.Parse(bytes),
                "application/yaml" => Normalize(YamlJson.Parse(Encoding.UTF8.GetString(bytes))),
                "application/vnd.kubernetes.protobuf" => Normalize(ProtobufDecoder.Decode(bytes)),
                _ => throw ApiError.UnsupportedMediaType(request.ContentType ?? ""),
            };
            return node as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object");
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw ApiError.BadRequest($"error decoding the request body: {e.Message}");
        }
    }

    /// <summary>Re-parses a built tree so every number reads back as any numeric type, as parsed JSON does.</summary>
    public static JsonNode? Normalize(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    /// <summary>The optional body of a DELETE (DeleteOptions).</summary>
    public static async Task<JsonObject?> ReadOptionalObjectAsync(HttpRequest request)
    {
        var bytes = await ReadBytesAsync(request);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"error decoding the request body: {e.Message}");
        }
    }
}
