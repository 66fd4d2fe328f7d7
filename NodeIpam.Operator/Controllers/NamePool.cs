using System.Collections.Concurrent;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// One shared instance per distinct string across the caches: node names (5,000 nodes named by 300,000 endpoints
/// cost 5,000 strings, not 300,000), label keys and values that repeat on every node, addresses written into many
/// Services. Thread-safe. Bounded: past <see cref="Capacity"/> entries it starts afresh, which loses only sharing,
/// never correctness, so the names of long-gone nodes cannot pile up.
/// </summary>
internal sealed class NamePool
{
    /// <summary>Distinct strings kept before starting afresh: several times what a 5,000-node cluster needs (~60,000).</summary>
    public const int Capacity = 250_000;

    private ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    // Counted here: ConcurrentDictionary.Count takes every lock of the table, far too slow for a per-string call.
    private int _count;

    /// <summary>The shared instance equal to <paramref name="value"/>.</summary>
    public string Share(string value)
    {
        var pool = _pool;
        if (pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (Interlocked.Increment(ref _count) > Capacity)
        {
            pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            _pool = pool;
            Interlocked.Exchange(ref _count, 0);
        }

        return pool.GetOrAdd(value, value);
    }

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
}
