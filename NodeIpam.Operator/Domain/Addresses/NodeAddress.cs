namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>A parsed node address with its canonical text, formatted once when the node is read.</summary>
/// <param name="Ip">The address.</param>
/// <param name="Text">Its canonical text (<see cref="CanonicalIp.ToString"/>).</param>
internal readonly record struct NodeAddress(CanonicalIp Ip, string Text)
{
    /// <summary>Parses strictly; null when <paramref name="text"/> is not an address (<paramref name="error"/> says why).</summary>
    public static NodeAddress? TryParse(string? text, out string error) =>
        CanonicalIp.TryParse(text, out var ip, out error) ? new NodeAddress(ip, ip.ToString()) : null;
}
