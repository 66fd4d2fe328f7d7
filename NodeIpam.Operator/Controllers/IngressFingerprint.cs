using System.Buffers;
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
        // Sorted in place and hashed from one pooled buffer: it runs on every decision, for up to thousands of addresses.
        var sorted = canonicalIps.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var length = Math.Max(0, sorted.Length - 1);
        foreach (var ip in sorted)
        {
            length += Encoding.UTF8.GetByteCount(ip);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            var written = 0;
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)',';
                }

                written += Encoding.UTF8.GetBytes(sorted[i], buffer.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash[..(HexLength / 2)]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
