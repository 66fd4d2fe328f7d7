using Microsoft.AspNetCore.Http;
using Prometheus;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// <c>/metrics</c>: the registry in the Prometheus text format, GET and HEAD only. With an
/// <paramref name="authorizer"/> (the default, HTTPS) every scrape must carry a bearer token the cluster accepts and
/// whose user may <c>get</c> the non-resource URL <c>/metrics</c>; otherwise 401 or 403 with a one-line reason.
/// </summary>
internal sealed class MetricsEndpoint(CollectorRegistry registry, MetricsAuthorizer? authorizer)
{
    /// <summary>The Prometheus text exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.Value != MetricsAuthorizer.Path)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (authorizer is not null)
        {
            var access = await authorizer.CheckAsync(context.Request.Headers.Authorization, context.RequestAborted).ConfigureAwait(false);
            if (!access.Allowed)
            {
                context.Response.StatusCode = access.StatusCode;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(access.Reason + "\n", context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        context.Response.ContentType = ContentType;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
