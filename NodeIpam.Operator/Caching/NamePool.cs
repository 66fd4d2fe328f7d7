namespace NodeIpam.Operator.Caching;

/// <summary>
/// One shared instance per distinct value across the caches: node names (5,000 nodes named by 300,000 endpoints
/// cost 5,000 strings, not 300,000), label keys and values that repeat on every node, and addresses,
/// including the load-balancer ingress that 2,000 Services repeat (a million entries become one string per address).
/// Sharing is safe because cached values are never modified. Thread-safe. Bounded: past <see cref="Capacity"/> entries a
/// pool starts afresh, which loses only sharing, never correctness, so values of long-gone nodes cannot pile up.
/// </summary>
/// <remarks>
/// A <see cref="HashSet{T}"/> under a lock rather than a <c>ConcurrentDictionary</c>: an entry costs about a third
/// (no node object per entry; figures in the README, Benchmarks). Only the informers' few threads call
/// it, for well under a microsecond per string, so the lock is hardly ever contended.
/// </remarks>
internal sealed class NamePool
{
    /// <summary>Distinct values kept per pool before starting afresh: several times what a 5,000-node cluster needs (~60,000).</summary>
    public const int Capacity = 250_000;

    private readonly Lock gate = new();
    private HashSet<string> values = new(StringComparer.Ordinal);

    /// <summary>The shared instance equal to <paramref name="value"/>.</summary>
    public string Share(string value)
    {
        lock (gate)
        {
            if (values.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (values.Count >= Capacity)
            {
                values = new HashSet<string>(StringComparer.Ordinal);
            }

            values.Add(value);
            return value;
        }
    }
}
