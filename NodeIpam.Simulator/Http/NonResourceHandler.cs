using System.Text;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Http;

/// <summary>Discovery, OpenAPI, /version and health endpoints.</summary>
internal static class NonResourceHandler
{
    public static Task HandleAsync(HttpContext ctx)
    {
        if (ctx.Request.Method != "GET")
        {
            throw ApiError.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        var path = (ctx.Request.Path.Value ?? "").TrimEnd('/');
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["healthz"] or ["readyz"] or ["livez"]:
                return Responses.WriteBytesAsync(ctx, 200, Encoding.UTF8.GetBytes("ok"), "text/plain; charset=utf-8");
            case ["version"]:
                return Responses.WriteJsonAsync(ctx, 200, OpenApi.Version());
            case ["api"] or ["apis"] when AggregatedDiscovery.Wanted(ctx.Request.Headers.Accept.ToString()):
                return Responses.WriteJsonAsync(ctx, 200, AggregatedDiscovery.List(core: parts[0] == "api"), AggregatedDiscovery.ContentType);
            case ["api"]:
                return Responses.WriteJsonAsync(ctx, 200, Discovery.CoreVersions($"{ctx.Request.Host}"));
            case ["api", var v] when Discovery.Resources("", v) is { } list:
                return Responses.WriteJsonAsync(ctx, 200, list);
            case ["apis"]:
                return Responses.WriteJsonAsync(ctx, 200, Discovery.Groups());
            case ["apis", var g] when Discovery.HasGroup(g):
                return Responses.WriteJsonAsync(ctx, 200, Discovery.Group(g));
            case ["apis", var g, var v] when Discovery.Resources(g, v) is { } list:
                return Responses.WriteJsonAsync(ctx, 200, list);
            case ["openapi", "v3"]:
                return Responses.WriteJsonAsync(ctx, 200, OpenApi.V3Index());
            case ["openapi", "v3", ..]:
                return Responses.WriteJsonAsync(ctx, 200, OpenApi.V3Document(string.Join('/', parts[2..])));
            default:
                throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }
    }
}
