using System.Globalization;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Auth;
using NodeIpam.Simulator.Patching;
using NodeIpam.Simulator.Registry;
using NodeIpam.Simulator.Selectors;
using NodeIpam.Simulator.Storage;
using NodeIpam.Simulator.Tables;

namespace NodeIpam.Simulator.Http;

/// <summary>Serves the verbs on a resource: get, list, create, update, patch, delete, deletecollection.</summary>
internal sealed class ResourceHandler(ResourceRegistry registry, WatchHandler watches, TableRenderer tables, ReviewHandler reviews)
{
    public Task HandleAsync(HttpContext ctx, RequestInfo info) => info.Verb switch
    {
        _ when info.Type.ReviewOnly => reviews.HandleAsync(ctx, info),
        "get" => GetAsync(ctx, info),
        "list" => ListAsync(ctx, info),
        "watch" => watches.HandleAsync(ctx, info, Filter(ctx, info)),
        "create" => CreateAsync(ctx, info),
        "update" => UpdateAsync(ctx, info),
        "patch" => PatchAsync(ctx, info),
        "delete" => DeleteAsync(ctx, info),
        _ => DeleteCollectionAsync(ctx, info),
    };

    private static ObjectFilter Filter(HttpContext ctx, RequestInfo info) => new(
        info.Type.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null,
        LabelSelector.Parse(ctx.Request.Query["labelSelector"]),
        FieldSelector.Parse(ctx.Request.Query["fieldSelector"], info.Type));

    private static WriteOptions Options(HttpContext ctx) => new(DryRun: ctx.Request.Query["dryRun"] == "All");

    private Task GetAsync(HttpContext ctx, RequestInfo info)
    {
        var obj = registry.Get(info.Type, info.Namespace, info.Name);
        return TableRenderer.Wants(ctx.Request)
            ? Responses.WriteJsonAsync(ctx, 200, tables.Render(info.Type, [obj], obj.ResourceVersion, null, ctx.Request), TableRenderer.ContentType)
            : Responses.WriteBytesAsync(ctx, 200, obj.Json);
    }

    private Task ListAsync(HttpContext ctx, RequestInfo info)
    {
        var filter = Filter(ctx, info);
        var limit = int.TryParse(ctx.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
        var after = ListWriter.KeyFromContinue(ctx.Request.Query["continue"]);
        var (items, remaining, rv) = registry.Store.List(info.Type, filter, after, limit);
        var token = remaining > 0 ? ListWriter.Continue(items[^1].Key) : null;
        return TableRenderer.Wants(ctx.Request)
            ? Responses.WriteJsonAsync(ctx, 200, tables.Render(info.Type, items, rv, token, ctx.Request), TableRenderer.ContentType)
            : ListWriter.WriteAsync(ctx, info.Type, items, rv, token, remaining);
    }

    private async Task CreateAsync(HttpContext ctx, RequestInfo info)
    {
        var body = await BodyReader.ReadObjectAsync(ctx.Request);
        var created = registry.Create(info.Type, info.Namespace, body, Options(ctx));
        await Responses.WriteBytesAsync(ctx, 201, created.Json);
    }

    private async Task UpdateAsync(HttpContext ctx, RequestInfo info)
    {
        var body = await BodyReader.ReadObjectAsync(ctx.Request);
        var existed = registry.Store.Get(info.Type, info.Namespace, info.Name) is not null;
        var updated = registry.Update(info.Type, info.Namespace, info.Name, info.Subresource, body, Options(ctx));
        await Responses.WriteBytesAsync(ctx, existed ? 200 : 201, updated.Json);
    }

    private async Task PatchAsync(HttpContext ctx, RequestInfo info)
    {
        var media = PatchApplier.MediaType(ctx.Request.ContentType);
        var bytes = await BodyReader.ReadBytesAsync(ctx.Request);
        var isApply = media == PatchApplier.Apply;
        if (isApply && string.IsNullOrEmpty(ctx.Request.Query["fieldManager"]))
        {
            throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        var patch = PatchApplier.Build(info.Type, media, bytes);
        var existed = registry.Store.Get(info.Type, info.Namespace, info.Name) is not null;
        var patched = registry.Patch(info.Type, info.Namespace, info.Name, info.Subresource, patch, isApply, Options(ctx));
        await Responses.WriteBytesAsync(ctx, existed ? 200 : 201, patched.Json);
    }

    private async Task DeleteAsync(HttpContext ctx, RequestInfo info)
    {
        var options = await BodyReader.ReadOptionalObjectAsync(ctx.Request);
        var (obj, _) = registry.Delete(info.Type, info.Namespace, info.Name, options, Options(ctx));
        await Responses.WriteBytesAsync(ctx, 200, obj.Json);
    }

    private async Task DeleteCollectionAsync(HttpContext ctx, RequestInfo info)
    {
        var options = await BodyReader.ReadOptionalObjectAsync(ctx.Request);
        var (items, _, _) = registry.Store.List(info.Type, Filter(ctx, info), null, 0);
        var deleted = new List<StoredObject>();
        foreach (var item in items)
        {
            try
            {
                deleted.Add(registry.Delete(info.Type, item.Namespace, item.Name, options, Options(ctx)).Object);
            }
            catch (ApiError e) when (e.Code == 404)
            {
                // Deleted concurrently: the collection delete still succeeds, as on the API server.
            }
        }

        await Responses.WriteBytesAsync(ctx, 200, ListWriter.Build(info.Type, deleted, registry.Store.CurrentResourceVersion, null, 0));
    }
}
