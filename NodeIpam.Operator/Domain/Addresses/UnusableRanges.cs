namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>
/// Special-purpose ranges whose addresses cannot receive traffic from a client (RFC 6890 and its IPv6 registry):
/// a node that reports one of them (a misconfigured kubelet, a CNI's link-local address) must not have it
/// advertised. Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10) are deliberately absent: they are
/// the common case on bare metal. An IPv4-mapped IPv6 address is judged as IPv4 because
/// <see cref="CanonicalIp"/> already stores it as IPv4.
/// </summary>
internal static class UnusableRanges
{
    private static readonly UnusableRange[] Ranges =
    [
        new(IpFamily.IPv4, 0x00000000, 8, "0.0.0.0/8", "current network"),
        new(IpFamily.IPv4, 0x7F000000, 8, "127.0.0.0/8", "loopback"),
        new(IpFamily.IPv4, 0xA9FE0000, 16, "169.254.0.0/16", "link-local"),
        new(IpFamily.IPv4, 0xE0000000, 4, "224.0.0.0/4", "multicast"),
        new(IpFamily.IPv4, 0xF0000000, 4, "240.0.0.0/4", "reserved and broadcast"),
        new(IpFamily.IPv6, UInt128.Zero, 128, "::/128", "unspecified"),
        new(IpFamily.IPv6, UInt128.One, 128, "::1/128", "loopback"),
        new(IpFamily.IPv6, new UInt128(0xFE80_0000_0000_0000, 0), 10, "fe80::/10", "link-local"),
        new(IpFamily.IPv6, new UInt128(0xFF00_0000_0000_0000, 0), 8, "ff00::/8", "multicast"),
    ];

    /// <summary>Why <paramref name="ip"/> cannot receive traffic (e.g. <c>loopback 127.0.0.0/8</c>), or null when it can.</summary>
    public static string? Find(CanonicalIp ip)
    {
        foreach (var range in Ranges)
        {
            if (range.Contains(ip))
            {
                return $"{range.Name} {range.Cidr}";
            }
        }

        return null;
    }

    private sealed record UnusableRange(IpFamily Family, UInt128 Network, int PrefixLength, string Cidr, string Name)
    {
        private readonly int hostBits = (Family == IpFamily.IPv4 ? 32 : 128) - PrefixLength;

        public bool Contains(CanonicalIp ip) =>
            ip.Family == Family && (ip.Value >> hostBits) == (Network >> hostBits);
    }
}
