using System.Globalization;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Selectors;
using NodeIpam.Simulator.Storage;
using NodeIpam.Simulator.Tables;

namespace NodeIpam.Simulator.Http;

/// <summary>
/// Streams a watch: newline-delimited <c>{"type":...,"object":...}</c> frames until timeoutSeconds, the client
/// leaving, or a fault closing it. Bookmarks on a timer when allowWatchBookmarks=true.
/// sendInitialEvents=true (watch-list) starts with the current objects as ADDED events and then the
/// initial-events-end BOOKMARK, whatever the resourceVersion (resourceVersionMatch is not checked).
/// </summary>
internal sealed class WatchHandler(ObjectStore store, TableRenderer tables, TimeProvider time, SimulatorOptions options)
{
    public async Task HandleAsync(HttpContext ctx, RequestInfo info, ObjectFilter filter)
    {
        var query = ctx.Request.Query;
        long? from = null;
        if (!string.IsNullOrEmpty(query["resourceVersion"]))
        {
            from = long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
                ? rv
                : throw ApiError.BadRequest($"invalid resource version \"{query["resourceVersion"]}\"");
        }

        var timeout = long.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : options.DefaultWatchTimeout;
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var asTable = TableRenderer.Wants(ctx.Request);
        var sub = store.Watch(info.Type, filter, from, bookmarks, initialEvents: query["sendInitialEvents"] == "true");
        using var expiry = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, ctx.RequestAborted);
        using var bookmarkTimer = bookmarks
            ? time.CreateTimer(_ => store.Bookmark(sub), null, options.BookmarkInterval, options.BookmarkInterval)
            : null;
        try
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = asTable ? TableRenderer.ContentType : Responses.Json;
            ctx.Response.Headers.CacheControl = "no-cache, private";
            await ctx.Response.StartAsync(linked.Token);
            await ctx.Response.Body.FlushAsync(linked.Token);
            var first = true;
            await foreach (var frame in sub.Frames.ReadAllAsync(linked.Token))
            {
                var bytes = asTable ? tables.RenderWatchFrame(info.Type, frame, ctx.Request, first) : frame;
                first = false;
                await ctx.Response.Body.WriteAsync(bytes, linked.Token);
                if (!sub.Frames.TryPeek(out _))
                {
                    await ctx.Response.Body.FlushAsync(linked.Token);
                }
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Timeout or client gone: the stream simply ends, as on the API server.
        }
        finally
        {
            store.Unwatch(sub);
        }
    }
}
