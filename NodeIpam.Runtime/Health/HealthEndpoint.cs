using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// <c>/healthz</c> (checks tagged <see cref="HealthTags.Liveness"/>) and <c>/readyz</c> (checks tagged
/// <see cref="HealthTags.Readiness"/>): 200 when every check passes (or is degraded) and 500 otherwise, with one
/// <c>[+]name ok</c> / <c>[-]name failed: reason</c> line per check as the API server's own probes print. GET and
/// HEAD only.
/// </summary>
internal sealed class HealthEndpoint(HealthCheckService health, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not ("/healthz" or "/readyz"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var (healthy, body) = await CheckAsync(path == "/healthz" ? HealthTags.Liveness : HealthTags.Readiness, path, context.RequestAborted)
            .ConfigureAwait(false);
        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(bool Healthy, string Body)> CheckAsync(string tag, string path, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), cancellationToken).ConfigureAwait(false);
        var body = new StringBuilder();
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            body.Append(entry.Status == HealthStatus.Unhealthy
                ? $"[-]{name} failed: {entry.Description ?? entry.Exception?.Message ?? "unhealthy"}\n"
                : $"[+]{name} ok\n");
        }

        var healthy = report.Status != HealthStatus.Unhealthy;
        body.Append(healthy ? $"{path[1..]} check passed\n" : $"{path[1..]} check failed\n");
        if (!healthy && tag == HealthTags.Liveness)
        {
            // Not-ready is expected while caches sync; a failing liveness check is what precedes a restart.
            ProbeLog.CheckFailed(logger, path, body.ToString().ReplaceLineEndings("; "));
        }

        return (healthy, body.ToString());
    }
}
