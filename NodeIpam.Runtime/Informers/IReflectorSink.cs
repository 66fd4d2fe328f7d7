namespace NodeIpam.Runtime.Informers;

/// <summary>Where a reflector delivers what it lists and watches (the informer's store and handlers).</summary>
internal interface IReflectorSink<in TEntity>
{
    /// <summary>A complete LIST: the cache becomes exactly <paramref name="items"/>.</summary>
    void Replace(IReadOnlyList<TEntity> items, bool isInitialList);

    /// <summary>One watch event (ADDED, MODIFIED or DELETED).</summary>
    void Apply(string eventType, TEntity entity);
}
