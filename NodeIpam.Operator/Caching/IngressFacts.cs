using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// A Service's <c>status.loadBalancer.ingress</c> as the decision reads it: each entry's IP in canonical form (or, for
/// an entry that is not an IP, its text), in order, and whether the whole list is what this operator writes (plain
/// IPs in VIP mode, canonical, no duplicates, no hostname or ports; anything else must be rewritten). Immutable and
/// value-equal; the texts are the caches' shared strings.
/// </summary>
internal sealed record IngressFacts
{
    private readonly string[] ips;

    private IngressFacts(string[] ips, bool canonical)
    {
        this.ips = ips;
        Canonical = canonical;
    }

    /// <summary>No ingress at all.</summary>
    public static IngressFacts Empty { get; } = new([], canonical: true);

    /// <summary>The entries' IPs, canonical where they parse, in the Service's order.</summary>
    public IReadOnlyList<string> Ips => ips;

    /// <summary>How many entries there are.</summary>
    public int Count => ips.Length;

    /// <summary>True when every entry is a plain, canonical, distinct IP in VIP mode (or there is none).</summary>
    public bool Canonical { get; }

    /// <summary>
    /// Reads entries given as (ip, hostname, ipMode, has ports); <paramref name="share"/> returns a shared equal string.
    /// Never throws on odd content.
    /// </summary>
    public static IngressFacts Read(IEnumerable<(string? Ip, string? Hostname, string? IpMode, bool HasPorts)> entries, Func<string, string> share)
    {
        var list = new List<string>();
        HashSet<string>? seen = null;
        var canonical = true;
        foreach (var (ip, hostname, mode, hasPorts) in entries)
        {
            if (ip is not null && CanonicalIp.TryParse(ip, out var parsed, out _))
            {
                var formatted = parsed.ToString();
                canonical &= formatted == ip && (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(formatted);
                list.Add(share(formatted));
            }
            else
            {
                canonical = false;
                list.Add(ip ?? hostname ?? "(empty entry)");
            }

            canonical &= string.IsNullOrEmpty(hostname) && (mode is null || mode == ServiceStatusNames.VipMode) && !hasPorts;
        }

        return list.Count == 0 ? Empty : new IngressFacts([.. list], canonical);
    }

    /// <summary>Equal when the entries' texts are equal, in order, and both are canonical or both not.</summary>
    public bool Equals(IngressFacts? other) =>
        other is not null && Canonical == other.Canonical && ips.AsSpan().SequenceEqual(other.ips);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Canonical, ips.Length, ips.Length > 0 ? ips[0] : null);

    /// <summary>True when the Service advertises <paramref name="desired"/> exactly (as a set) in the form this operator writes.</summary>
    public bool IsExactly(IReadOnlyList<string> desired) =>
        Canonical && ips.Length == desired.Count && ips.ToHashSet(StringComparer.Ordinal).SetEquals(desired);
}
