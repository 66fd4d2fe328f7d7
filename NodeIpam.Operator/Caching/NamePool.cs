using System.Collections.Concurrent;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// One shared instance per distinct value across the caches: node names (5,000 nodes named by 300,000 endpoints
/// cost 5,000 strings, not 300,000), label keys and values that repeat on every node, and addresses,
/// including the load-balancer ingress that 2,000 Services repeat (a million entries become one string per address).
/// Sharing is safe because cached values are never modified. Thread-safe. Bounded: past <see cref="Capacity"/> entries a
/// pool starts afresh, which loses only sharing, never correctness, so values of long-gone nodes cannot pile up.
/// </summary>
internal sealed class NamePool
{
    /// <summary>Distinct values kept per pool before starting afresh: several times what a 5,000-node cluster needs (~60,000).</summary>
    public const int Capacity = 250_000;

    private readonly Pool<string, string> _strings = new();

    /// <summary>The shared instance equal to <paramref name="value"/>.</summary>
    public string Share(string value) => _strings.Share(value, static v => v);

    /// <summary>A copy of <paramref name="source"/> whose keys and values are shared; null stays null.</summary>
    public Dictionary<string, string>? Share(IDictionary<string, string>? source)
    {
        if (source is null)
        {
            return null;
        }

        var copy = new Dictionary<string, string>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            copy[Share(key)] = value is null ? value! : Share(value);
        }

        return copy;
    }

    private sealed class Pool<TKey, TValue>
        where TKey : notnull
    {
        private ConcurrentDictionary<TKey, TValue> _values = new();

        // Counted here: ConcurrentDictionary.Count takes every lock of the table, far too slow for a per-value call.
        private int _count;

        public TValue Share(TKey key, Func<TKey, TValue> create)
        {
            var values = _values;
            if (values.TryGetValue(key, out var shared))
            {
                return shared;
            }

            if (Interlocked.Increment(ref _count) > Capacity)
            {
                values = new ConcurrentDictionary<TKey, TValue>();
                _values = values;
                Interlocked.Exchange(ref _count, 0);
            }

            return values.GetOrAdd(key, create);
        }
    }
}
