namespace NodeIpam.Runtime.Informers;

/// <summary>
/// A read-only view of an informer's cache. Objects are the cache's own (transformed) instances:
/// callers must treat them as immutable. Reads never touch the API server.
/// </summary>
public interface IStore<TEntity>
{
    /// <summary>The cached object with this key, or null.</summary>
    TEntity? Get(ObjectKey key);

    /// <summary>A snapshot of all cached objects.</summary>
    IReadOnlyCollection<TEntity> List();

    /// <summary>
    /// Increases with every change to the cache (never decreases, starts at 0), so a reader can keep what it derives
    /// from <see cref="List"/> until this moves. Read it before listing: the list is then at least that new.
    /// </summary>
    long Version { get; }

    /// <summary>The objects a registered secondary index maps <paramref name="indexedValue"/> to (empty when none).</summary>
    IReadOnlyCollection<TEntity> ByIndex(string indexName, string indexedValue);
}
