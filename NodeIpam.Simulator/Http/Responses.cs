using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Http;

/// <summary>Writes JSON bodies and Status objects.</summary>
internal static class Responses
{
    public const string Json = "application/json";

    public static Task WriteBytesAsync(HttpContext ctx, int code, byte[] body, string contentType = Json)
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).AsTask();
    }

    public static Task WriteJsonAsync(HttpContext ctx, int code, JsonNode body, string contentType = Json) =>
        WriteBytesAsync(ctx, code, JsonSerializer.SerializeToUtf8Bytes(body), contentType);

    public static Task WriteStatusAsync(HttpContext ctx, ApiError error)
    {
        if (error.Code == 429)
        {
            ctx.Response.Headers.RetryAfter = "1";
        }

        return WriteJsonAsync(ctx, error.Code, error.ToStatus());
    }
}
