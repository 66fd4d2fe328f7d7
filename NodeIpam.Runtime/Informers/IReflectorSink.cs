namespace NodeIpam.Runtime.Informers;

/// <summary>Where a reflector delivers what it lists and watches (the informer's store and handlers).</summary>
internal interface IReflectorSink<TEntity>
{
    /// <summary>
    /// Turns an object as read from the API server into what is cached (the transform, managedFields dropped). The
    /// reflector calls it on every object as soon as it is read; <see cref="Replace"/> and <see cref="Apply"/> get
    /// only prepared objects.
    /// </summary>
    TEntity Prepare(TEntity raw);

    /// <summary>A complete LIST of prepared objects: the cache becomes exactly <paramref name="items"/>.</summary>
    void Replace(IReadOnlyList<TEntity> items, bool isInitialList);

    /// <summary>One watch event (ADDED, MODIFIED or DELETED) with its prepared object.</summary>
    void Apply(string eventType, TEntity entity);
}
