using System.Text;
using NodeIpam.Operator.Caching;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Our condition's message as it is written: the text, cut to fit the API's limit, then the ingress fingerprint.
/// The result survives the trip through JSON unchanged (no lone surrogate, never more than the limit), so a status
/// read back compares equal to what is computed again and a restart on an unchanged cluster writes nothing.
/// </summary>
internal static class ConditionMessage
{
    /// <summary>Appended where the text was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>The message for <paramref name="text"/> and the ingress the Service has once the status is written.</summary>
    public static string Compose(string text, IEnumerable<string> ingress)
    {
        var suffix = IngressFingerprint.Suffix(ingress);
        return Cut(text, ServiceStatusNames.MaxConditionMessageBytes - Encoding.UTF8.GetByteCount(suffix)) + suffix;
    }

    /// <summary>
    /// <paramref name="text"/> in at most <paramref name="maxBytes"/> bytes of UTF-8, cut between two characters
    /// (never inside a surrogate pair) and ending with <see cref="Ellipsis"/> when cut. A lone surrogate becomes
    /// U+FFFD, as any JSON encoder writes it.
    /// </summary>
    public static string Cut(string text, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, Encoding.UTF8.GetByteCount(Ellipsis));

        // The common case: short, and no surrogate at all, so nothing to count or replace.
        if (text.Length <= maxBytes / 3 && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text;
        }

        // The default UTF-8 encoder replaces a lone surrogate with U+FFFD, like the JSON writer would.
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxBytes)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Cut before a byte that starts a character (not a 10xxxxxx continuation byte): never inside one.
        var end = maxBytes - Encoding.UTF8.GetByteCount(Ellipsis);
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return Encoding.UTF8.GetString(bytes, 0, end) + Ellipsis;
    }
}
