using System.Globalization;
using System.Text;

namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>
/// An IP address that passed <see cref="StrictIpParser"/>. IPv4 is held in the low 32 bits; an IPv4-mapped IPv6
/// address is stored as IPv4. Ordering is IPv4 before IPv6, then numeric; <see cref="ToString"/> is canonical
/// (dotted quad, or RFC 5952 for IPv6).
/// </summary>
internal readonly record struct CanonicalIp : IComparable<CanonicalIp>
{
    private CanonicalIp(IpFamily family, UInt128 value)
    {
        Family = family;
        Value = value;
    }

    /// <summary>The family; an IPv4-mapped IPv6 address is <see cref="IpFamily.IPv4"/>.</summary>
    public IpFamily Family { get; }

    /// <summary>The address as a number (IPv4 in the low 32 bits).</summary>
    public UInt128 Value { get; }

    /// <summary>An IPv4 address from its 32-bit value.</summary>
    public static CanonicalIp FromIPv4(uint value) => new(IpFamily.IPv4, value);

    /// <summary>An IPv6 address from its 128-bit value; an IPv4-mapped value (::ffff:0:0/96) becomes IPv4.</summary>
    public static CanonicalIp FromIPv6(UInt128 value) =>
        (value >> 32) == 0xFFFF ? new CanonicalIp(IpFamily.IPv4, value & uint.MaxValue) : new CanonicalIp(IpFamily.IPv6, value);

    /// <summary>Parses strictly; see <see cref="StrictIpParser"/> for what is rejected.</summary>
    public static bool TryParse(string? text, out CanonicalIp ip, out string error) => StrictIpParser.TryParse(text, out ip, out error);

    public static bool operator <(CanonicalIp left, CanonicalIp right) => left.CompareTo(right) < 0;

    public static bool operator >(CanonicalIp left, CanonicalIp right) => left.CompareTo(right) > 0;

    public static bool operator <=(CanonicalIp left, CanonicalIp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CanonicalIp left, CanonicalIp right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(CanonicalIp other)
    {
        // Compared as int: Enum.CompareTo boxes, and this runs inside sorts of thousands of addresses.
        var byFamily = ((int)Family).CompareTo((int)other.Family);
        return byFamily != 0 ? byFamily : Value.CompareTo(other.Value);
    }

    /// <summary>Canonical text: a.b.c.d for IPv4; RFC 5952 (lower case, longest zero run of two or more groups as ::) for IPv6.</summary>
    public override string ToString() => Family == IpFamily.IPv4 ? FormatIPv4((uint)Value) : FormatIPv6(Value);

    private static string FormatIPv4(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");

    private static string FormatIPv6(UInt128 value)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (ushort)(value >> (112 - (16 * i)));
        }

        // RFC 5952 4.2: compress the longest run of zero groups (the first on a tie), never a single group.
        int bestStart = -1, bestLength = 1;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        var text = new StringBuilder(39);
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (i > 0 && i != bestStart + bestLength)
            {
                text.Append(':');
            }

            text.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
