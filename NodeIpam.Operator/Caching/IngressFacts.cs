using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// A Service's <c>status.loadBalancer.ingress</c> as the decisions read it: how many entries, whether the whole list is
/// what this operator writes (plain IPs in VIP mode, canonical, no duplicates, no hostname or ports; anything else
/// must be rewritten), the digest of the entries' canonical IPs (or, for an entry that is not an IP, its text), the
/// first few for messages, and every entry only where a decision needs them (<see cref="All"/>). A Service with a
/// thousand addresses is then cached as a few dozen bytes. Immutable and value-equal; texts are the caches' shared strings.
/// </summary>
internal sealed record IngressFacts
{
    /// <summary>
    /// How many entries are kept for messages, in order: as many as a log line names
    /// (<c>ServiceControllerLog.LoggedAddresses</c>), which is more than an Event names.
    /// </summary>
    public const int HeadLength = 10;

    private readonly string[] head;
    private readonly string[]? all;

    private IngressFacts(string[] head, string[]? all, int count, int ipCount, bool canonical, IngressDigest digest)
    {
        this.head = head;
        this.all = all;
        Count = count;
        IpCount = ipCount;
        Canonical = canonical;
        Digest = digest;
    }

    /// <summary>No ingress at all.</summary>
    public static IngressFacts Empty { get; } = new([], [], 0, 0, canonical: true, IngressDigest.Empty);

    /// <summary>How many entries there are.</summary>
    public int Count { get; }

    /// <summary>How many entries name an IP (the advertised addresses; an entry may name only a hostname).</summary>
    public int IpCount { get; }

    /// <summary>True when every entry is a plain, canonical, distinct IP in VIP mode (or there is none).</summary>
    public bool Canonical { get; }

    /// <summary>The digest of the entries' texts.</summary>
    public IngressDigest Digest { get; }

    /// <summary>The first <see cref="HeadLength"/> entries' texts, in the Service's order.</summary>
    public IReadOnlyList<string> Head => head;

    /// <summary>
    /// Every entry's text, in order, when the adapter kept them: for a Service whose decision reads them (one that is
    /// not ours, whose ingress may have to be cleared, or one whose selector cannot be read, which keeps addresses).
    /// Null otherwise.
    /// </summary>
    public IReadOnlyList<string>? All => all;

    /// <summary>
    /// Reads entries given as (ip, hostname, ipMode, has ports); <paramref name="share"/> returns a shared equal string;
    /// <paramref name="keepAll"/> keeps every text (<see cref="All"/>). Never throws on odd content.
    /// </summary>
    public static IngressFacts Read(
        IEnumerable<(string? Ip, string? Hostname, string? IpMode, bool HasPorts)> entries, Func<string, string> share, bool keepAll)
    {
        var texts = new List<string>();
        HashSet<string>? seen = null;
        var canonical = true;
        var ips = 0;
        foreach (var (ip, hostname, mode, hasPorts) in entries)
        {
            ips += string.IsNullOrEmpty(ip) ? 0 : 1;
            if (ip is not null && CanonicalIp.TryParse(ip, out var parsed, out _))
            {
                var formatted = parsed.ToString();
                canonical &= formatted == ip && (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(formatted);
                texts.Add(formatted == ip ? ip : formatted);
            }
            else
            {
                canonical = false;
                texts.Add(ip ?? hostname ?? "(empty entry)");
            }

            canonical &= string.IsNullOrEmpty(hostname) && (mode is null || mode == ServiceStatusNames.VipMode) && !hasPorts;
        }

        if (texts.Count == 0)
        {
            return Empty;
        }

        var head = texts.Take(HeadLength).Select(share).ToArray();
        return new IngressFacts(head, keepAll ? [.. texts.Select(share)] : null, texts.Count, ips, canonical, IngressDigest.Of(texts));
    }

    /// <summary>Equal when the counts, the canonical flags, the digests and the first entries are equal.</summary>
    public bool Equals(IngressFacts? other) =>
        other is not null
        && Count == other.Count
        && Canonical == other.Canonical
        && Digest == other.Digest
        && head.AsSpan().SequenceEqual(other.head);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Count, Canonical, Digest);

    /// <summary>True when the Service advertises <paramref name="desired"/> exactly (as a set) in the form this operator writes.</summary>
    public bool IsExactly(IReadOnlyList<string> desired) =>
        Canonical && Count == desired.Count && Digest == IngressDigest.Of(desired);
}
