namespace NodeIpam.Runtime.Informers;

/// <summary>
/// The thread-safe cache behind an informer (client-go's thread-safe indexer): objects by key plus secondary
/// indexes. Only the informer writes; any thread may read. Index functions run under the write lock and must be
/// pure and fast; an index function that throws leaves that object out of that index (the informer logs it).
/// </summary>
internal sealed class CacheStore<TEntity> : IStore<TEntity>
    where TEntity : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, CacheEntry<TEntity>> _items = [];
    private readonly IReadOnlyDictionary<string, Func<TEntity, IEnumerable<string>>> _indexers;
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> _indexes = [];
    private readonly Action<string, ObjectKey, Exception> _onIndexError;
    private long _version;

    public CacheStore(
        IReadOnlyDictionary<string, Func<TEntity, IEnumerable<string>>> indexers,
        Action<string, ObjectKey, Exception> onIndexError)
    {
        _indexers = indexers;
        _onIndexError = onIndexError;
        foreach (var name in indexers.Keys)
        {
            _indexes[name] = new Dictionary<string, HashSet<ObjectKey>>(StringComparer.Ordinal);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public long Version => Interlocked.Read(ref _version);

    public TEntity? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.TryGetValue(key, out var item) ? item.Value : default;
        }
    }

    /// <summary>The cached entry (value and resourceVersion) with this key.</summary>
    public CacheEntry<TEntity>? GetEntry(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.TryGetValue(key, out var item) ? item : null;
        }
    }

    public IReadOnlyCollection<TEntity> List()
    {
        lock (_gate)
        {
            var values = new TEntity[_items.Count];
            var i = 0;
            foreach (var item in _items.Values)
            {
                values[i++] = item.Value;
            }

            return values;
        }
    }

    /// <summary>A snapshot of all cached entries.</summary>
    public IReadOnlyCollection<CacheEntry<TEntity>> Entries()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyCollection<TEntity> ByIndex(string indexName, string indexedValue)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"No index named '{indexName}' is registered.", nameof(indexName));
            }

            return index.TryGetValue(indexedValue, out var keys) ? [.. keys.Select(k => _items[k].Value)] : [];
        }
    }

    /// <summary>Stores <paramref name="entry"/>; returns the value it replaced, if any.</summary>
    public TEntity? Upsert(CacheEntry<TEntity> entry)
    {
        var key = entry.Key;
        lock (_gate)
        {
            var had = _items.TryGetValue(key, out var old);
            if (had)
            {
                Unindex(key, old.Value);
            }

            _items[key] = entry;
            Index(key, entry.Value);
            Interlocked.Increment(ref _version);
            return had ? old.Value : default;
        }
    }

    /// <summary>
    /// Replaces the entry of <paramref name="entry"/>'s key with it when its value is equal to the cached one (a new
    /// resourceVersion only): indexes and <see cref="Version"/> stay as they are.
    /// </summary>
    public void Refresh(CacheEntry<TEntity> entry)
    {
        lock (_gate)
        {
            if (_items.ContainsKey(entry.Key))
            {
                _items[entry.Key] = entry;
            }
        }
    }

    /// <summary>Removes the object with <paramref name="key"/>; returns its value, if it was cached.</summary>
    public TEntity? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var old))
            {
                return default;
            }

            Unindex(key, old.Value);
            Interlocked.Increment(ref _version);
            return old.Value;
        }
    }

    private void Index(ObjectKey key, TEntity entity)
    {
        foreach (var (name, indexer) in _indexers)
        {
            foreach (var value in SafeValues(name, key, indexer, entity))
            {
                var index = _indexes[name];
                if (!index.TryGetValue(value, out var keys))
                {
                    keys = [];
                    index[value] = keys;
                }

                keys.Add(key);
            }
        }
    }

    private void Unindex(ObjectKey key, TEntity entity)
    {
        foreach (var (name, indexer) in _indexers)
        {
            var index = _indexes[name];
            foreach (var value in SafeValues(name, key, indexer, entity))
            {
                if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(value);
                }
            }
        }
    }

    private IReadOnlyCollection<string> SafeValues(
        string name, ObjectKey key, Func<TEntity, IEnumerable<string>> indexer, TEntity entity)
    {
        try
        {
            return [.. indexer(entity).Distinct(StringComparer.Ordinal)];
        }
        catch (Exception e)
        {
            _onIndexError(name, key, e);
            return [];
        }
    }
}
