namespace NodeIpam.Runtime.Informers;

/// <summary>Where a reflector delivers what it lists and watches (the informer's store and handlers).</summary>
internal interface IReflectorSink<in TEntity, TCached>
{
    /// <summary>
    /// Turns an object as read from the API server into what is cached (the informer's adapter). The reflector calls
    /// it on every object as soon as it is read; <see cref="Replace"/> and <see cref="Apply"/> get only prepared entries.
    /// </summary>
    CacheEntry<TCached> Prepare(TEntity raw);

    /// <summary>A complete LIST of prepared entries: the cache becomes exactly <paramref name="items"/>.</summary>
    void Replace(IReadOnlyList<CacheEntry<TCached>> items, bool isInitialList);

    /// <summary>One watch event (ADDED, MODIFIED or DELETED) with its prepared entry.</summary>
    void Apply(string eventType, CacheEntry<TCached> entry);
}
