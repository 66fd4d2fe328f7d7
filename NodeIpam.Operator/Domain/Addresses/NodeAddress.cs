namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>A parsed node address with its canonical text, formatted once when the node is read.</summary>
/// <param name="Ip">The address.</param>
/// <param name="Text">Its canonical text (<see cref="CanonicalIp.ToString"/>).</param>
internal readonly record struct NodeAddress(CanonicalIp Ip, string Text)
{
    /// <summary>
    /// Parses strictly; null when <paramref name="text"/> is not an address (<paramref name="error"/> says why). A text
    /// already canonical is kept as the same instance (the caches share it).
    /// </summary>
    public static NodeAddress? TryParse(string? text, out string error)
    {
        if (!CanonicalIp.TryParse(text, out var ip, out error))
        {
            return null;
        }

        var canonical = ip.ToString();
        return new NodeAddress(ip, canonical == text ? text : canonical);
    }

    /// <summary>
    /// Reads a node's address of an advertisable type: null when it can be advertised (<paramref name="address"/>
    /// holds it), else why it is skipped: not a strict IP address, or an address that cannot receive traffic.
    /// </summary>
    public static InvalidNodeAddress? Read(NodeAddressType type, string? text, out NodeAddress address)
    {
        address = default;
        if (TryParse(text, out var error) is not { } parsed)
        {
            return new InvalidNodeAddress(type, text ?? string.Empty, error);
        }

        if (UnusableRanges.Find(parsed.Ip) is { } range)
        {
            return new InvalidNodeAddress(type, text!, $"{range}: cannot receive traffic", CannotReceiveTraffic: true);
        }

        address = parsed;
        return null;
    }
}
