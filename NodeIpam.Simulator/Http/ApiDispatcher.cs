using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Auth;

namespace NodeIpam.Simulator.Http;

/// <summary>
/// The single request entry point: injected faults, request counting, routing, and turning errors into
/// Status responses. One bad request never affects another.
/// </summary>
internal sealed partial class ApiDispatcher(
    ResourceHandler resources,
    SimulatorFaults faults,
    SimulatorRbac rbac,
    RbacAuthorizer authorizer,
    RequestLog requests,
    TimeProvider time,
    SimulatorOptions options,
    ILogger<ApiDispatcher> logger)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            await faults.WaitIfPausedAsync(ctx.RequestAborted);
            var latency = faults.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, time, ctx.RequestAborted);
            }

            var info = RequestParser.Parse(ctx.Request);
            var userAgent = ctx.Request.Headers.UserAgent.ToString();
            requests.Record(info?.Verb ?? ctx.Request.Method.ToLowerInvariant(), info?.Type.Plural ?? "", info?.Subresource, userAgent);
            if (options.LogRequests)
            {
                LogRequest(ctx.Request.Method, ctx.Request.Path, ctx.Request.QueryString, userAgent);
            }

            if (info is null)
            {
                await NonResourceHandler.HandleAsync(ctx);
                return;
            }

            if (faults.TakeFailure(info.Verb, info.Type.Plural, info.Subresource) is { } injected)
            {
                throw injected;
            }

            Authorize(ctx, info);

            await resources.HandleAsync(ctx, info);
        }
        catch (ApiError e) when (!ctx.Response.HasStarted)
        {
            await Responses.WriteStatusAsync(ctx, e);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!ctx.Response.HasStarted)
        {
            LogFailure(e, ctx.Request.Method, ctx.Request.Path);
            await Responses.WriteStatusAsync(ctx, new ApiError(500, "InternalError", $"Internal error occurred: {e.Message}"));
        }
    }

    private void Authorize(HttpContext ctx, RequestInfo info)
    {
        if (!rbac.Enforce)
        {
            return;
        }

        var identity = rbac.Authenticate(ctx.Request.Headers.Authorization) ?? throw new ApiError(401, "Unauthorized", "Unauthorized");
        if (!authorizer.Allows(identity, info))
        {
            var message = RbacAuthorizer.Describe(identity, info);
            rbac.RecordDenial(message);
            throw new ApiError(403, "Forbidden", message, new System.Text.Json.Nodes.JsonObject { ["name"] = info.Name, ["group"] = info.Type.Group, ["kind"] = info.Type.Plural });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}{Query} ({UserAgent})")]
    private partial void LogRequest(string method, PathString path, QueryString query, string userAgent);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogFailure(Exception exception, string method, string path);
}
