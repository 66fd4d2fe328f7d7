using System.Globalization;
using System.Text;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Http;

/// <summary>Builds a List response by concatenating the stored JSON of its items, without re-serializing them.</summary>
internal static class ListWriter
{
    public static byte[] Build(ResourceType type, IReadOnlyList<StoredObject> items, long resourceVersion, string? continueToken, int remaining)
    {
        var meta = new StringBuilder();
        meta.Append(CultureInfo.InvariantCulture, $"{{\"resourceVersion\":\"{resourceVersion}\"");
        if (continueToken is not null)
        {
            meta.Append(CultureInfo.InvariantCulture, $",\"continue\":\"{continueToken}\",\"remainingItemCount\":{remaining}");
        }

        meta.Append('}');
        var head = Encoding.UTF8.GetBytes($"{{\"kind\":\"{type.ListKind}\",\"apiVersion\":\"{type.ApiVersion}\",\"metadata\":{meta},\"items\":[");
        var length = head.Length + 2 + items.Sum(i => i.Json.Length + 1);
        var buffer = new byte[length];
        head.CopyTo(buffer, 0);
        var at = head.Length;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                buffer[at++] = (byte)',';
            }

            items[i].Json.CopyTo(buffer, at);
            at += items[i].Json.Length;
        }

        buffer[at++] = (byte)']';
        buffer[at++] = (byte)'}';
        return buffer[..at];
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
