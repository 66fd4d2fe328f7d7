namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>
/// Parses IP text strictly, the way a person reads it, and never guesses: IPv4 is exactly four decimal numbers
/// 0-255 without leading zeros (so <c>10.5</c>, <c>10.0.0.011</c>, <c>0x0a.0.0.1</c> and <c>300.1.1.1</c> are
/// rejected, unlike <see cref="System.Net.IPAddress.TryParse(string?, out System.Net.IPAddress?)"/>); IPv6 is the
/// RFC 4291 text form (eight groups of 1-4 hex digits, at most one <c>::</c>, an optional dotted-quad tail) without
/// zone, prefix length, brackets or surrounding white space.
/// </summary>
internal static class StrictIpParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why in a few words.</summary>
    public static bool TryParse(string? text, out CanonicalIp ip, out string error)
    {
        ip = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "empty";
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!TryParseIPv6(text, out var value, out error))
            {
                return false;
            }

            ip = CanonicalIp.FromIPv6(value);
            return true;
        }

        if (!TryParseIPv4(text, out var v4, out error))
        {
            return false;
        }

        ip = CanonicalIp.FromIPv4(v4);
        return true;
    }

    private static bool TryParseIPv4(ReadOnlySpan<char> text, out uint value, out string error)
    {
        value = 0;
        if (text.Count('.') != 3)
        {
            error = "an IPv4 address has exactly four dot-separated numbers";
            return false;
        }

        var octets = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                continue;
            }

            if (octets == 4)
            {
                error = "an IPv4 address has exactly four dot-separated numbers";
                return false;
            }

            if (!TryParseOctet(text[start..i], out var octet, out error))
            {
                return false;
            }

            value = (value << 8) | octet;
            octets++;
            start = i + 1;
        }

        if (octets != 4)
        {
            error = "an IPv4 address has exactly four dot-separated numbers";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseOctet(ReadOnlySpan<char> part, out uint octet, out string error)
    {
        octet = 0;
        if (part.IsEmpty)
        {
            error = "an IPv4 address has exactly four dot-separated numbers";
            return false;
        }

        foreach (var c in part)
        {
            if (c is < '0' or > '9')
            {
                error = $"'{c}' is not a decimal digit";
                return false;
            }
        }

        if (part.Length > 1 && part[0] == '0')
        {
            error = $"leading zero in \"{part}\", which some parsers read as octal";
            return false;
        }

        if (part.Length > 3 || (octet = uint.Parse(part, provider: System.Globalization.CultureInfo.InvariantCulture)) > 255)
        {
            error = $"\"{part}\" is greater than 255";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseIPv6(string text, out UInt128 value, out string error)
    {
        value = 0;
        if (text.Contains('%', StringComparison.Ordinal))
        {
            error = "zone identifiers are not allowed";
            return false;
        }

        var doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && text.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0)
        {
            error = "more than one \"::\"";
            return false;
        }

        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount, tailCount = 0;
        if (doubleColon < 0)
        {
            if (!TryParseGroups(text, allowDottedQuad: true, head, out headCount, out error))
            {
                return false;
            }

            if (headCount != 8)
            {
                error = "an IPv6 address without \"::\" has exactly eight groups";
                return false;
            }
        }
        else
        {
            if (!TryParseGroups(text.AsSpan(0, doubleColon), allowDottedQuad: false, head, out headCount, out error)
                || !TryParseGroups(text.AsSpan(doubleColon + 2), allowDottedQuad: true, tail, out tailCount, out error))
            {
                return false;
            }

            if (headCount + tailCount > 7)
            {
                error = "too many groups for an address with \"::\"";
                return false;
            }
        }

        for (var i = 0; i < headCount; i++)
        {
            value |= (UInt128)head[i] << (112 - (16 * i));
        }

        for (var i = 0; i < tailCount; i++)
        {
            value |= (UInt128)tail[i] << (16 * (tailCount - 1 - i));
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Parses colon-separated groups (empty text is zero groups); when the groups end the address a dotted quad may end them, counting as two.</summary>
    private static bool TryParseGroups(ReadOnlySpan<char> text, bool allowDottedQuad, Span<ushort> groups, out int count, out string error)
    {
        count = 0;
        error = string.Empty;
        if (text.IsEmpty)
        {
            return true;
        }

        while (true)
        {
            var colon = text.IndexOf(':');
            var part = colon < 0 ? text : text[..colon];
            if (colon < 0 && allowDottedQuad && part.Contains('.'))
            {
                if (count > 6)
                {
                    error = "too many groups";
                    return false;
                }

                if (!TryParseIPv4(part, out var v4, out var v4Error))
                {
                    error = $"bad embedded IPv4 address: {v4Error}";
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                return true;
            }

            if (part.IsEmpty)
            {
                error = "empty group (a single ':' at the start or end, or ':::')";
                return false;
            }

            if (part.Contains('.'))
            {
                error = "an embedded IPv4 address may only end the address";
                return false;
            }

            if (count == 8)
            {
                error = "too many groups";
                return false;
            }

            ushort group = 0;
            foreach (var c in part)
            {
                var digit = HexValue(c);
                if (digit < 0)
                {
                    error = $"'{c}' is not a hex digit";
                    return false;
                }

                group = (ushort)((group << 4) | digit);
            }

            if (part.Length > 4)
            {
                error = $"group \"{part}\" has more than four hex digits";
                return false;
            }

            groups[count++] = group;
            if (colon < 0)
            {
                return true;
            }

            text = text[(colon + 1)..];
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
