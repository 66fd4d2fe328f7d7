using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Http;

/// <summary>Builds a List response by concatenating the stored JSON of its items, without re-serializing them.</summary>
internal static class ListWriter
{
    private static readonly byte[] Comma = [(byte)','];
    private static readonly byte[] End = [(byte)']', (byte)'}'];

    /// <summary>The whole List as one array (used where a body is needed in memory).</summary>
    public static byte[] Build(ResourceType type, IReadOnlyList<StoredObject> items, long resourceVersion, string? continueToken, int remaining)
    {
        using var buffer = new MemoryStream();
        foreach (var part in Parts(type, items, resourceVersion, continueToken, remaining))
        {
            buffer.Write(part);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the List straight to the response, item by item, so a LIST of thousands of large objects never
    /// allocates one big buffer.
    /// </summary>
    public static async Task WriteAsync(HttpContext ctx, ResourceType type, IReadOnlyList<StoredObject> items, long resourceVersion, string? continueToken, int remaining)
    {
        var parts = Parts(type, items, resourceVersion, continueToken, remaining).ToList();
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = Responses.Json;
        ctx.Response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts)
        {
            await ctx.Response.Body.WriteAsync(part, ctx.RequestAborted);
        }
    }

    private static IEnumerable<byte[]> Parts(ResourceType type, IReadOnlyList<StoredObject> items, long resourceVersion, string? continueToken, int remaining)
    {
        var meta = new StringBuilder();
        meta.Append(CultureInfo.InvariantCulture, $"{{\"resourceVersion\":\"{resourceVersion}\"");
        if (continueToken is not null)
        {
            meta.Append(CultureInfo.InvariantCulture, $",\"continue\":\"{continueToken}\",\"remainingItemCount\":{remaining}");
        }

        meta.Append('}');
        yield return Encoding.UTF8.GetBytes($"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{meta},\"items\":[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                yield return Comma;
            }

            yield return items[i].Json;
        }

        yield return End;
    }

    /// <summary>The continue token for a page ending at <paramref name="lastKey"/>: the key, base64url-encoded.</summary>
    public static string Continue(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(lastKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? KeyFromContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            throw ApiError.BadRequest("continue key is not valid: illegal base64 data");
        }
    }
}
