using System.Security.Cryptography;
using System.Text;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// A short fingerprint of an ingress, written at the end of our condition's message, so that what the operator wrote
/// is recognised after a restart: when a Service stops being ours, its ingress is cleared only while the fingerprint
/// still matches it (anything else there was written by someone else). Stable across processes and versions:
/// SHA-256 over the canonical IPs sorted as text and joined by commas; its first 6 bytes as lowercase hex.
/// </summary>
internal static class IngressFingerprint
{
    /// <summary>What precedes the fingerprint in a message.</summary>
    public const string Prefix = " [ingress sha256:";

    private const int HexLength = 12;

    /// <summary>The suffix a message carries for <paramref name="canonicalIps"/> (order does not matter).</summary>
    public static string Suffix(IEnumerable<string> canonicalIps) => $"{Prefix}{Of(canonicalIps)}]";

    /// <summary>The fingerprint of <paramref name="canonicalIps"/>, in any order.</summary>
    public static string Of(IEnumerable<string> canonicalIps)
    {
        var sorted = canonicalIps.Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', sorted)));
        return Convert.ToHexStringLower(hash, 0, HexLength / 2);
    }

    /// <summary>The fingerprint at the end of <paramref name="message"/>; null when it carries none.</summary>
    public static string? Read(string? message)
    {
        if (message is null || message.Length < Prefix.Length + HexLength + 1 || !message.EndsWith(']'))
        {
            return null;
        }

        var start = message.Length - 1 - HexLength;
        if (!message.AsSpan(start - Prefix.Length, Prefix.Length).SequenceEqual(Prefix))
        {
            return null;
        }

        var hex = message.Substring(start, HexLength);
        return hex.All(char.IsAsciiHexDigitLower) ? hex : null;
    }
}
