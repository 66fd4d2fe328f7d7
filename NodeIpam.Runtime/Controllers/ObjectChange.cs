namespace NodeIpam.Runtime.Controllers;

/// <summary>
/// One change seen by an informer, given to event filters and secondary-watch mappers: the object's
/// <see cref="Key"/>; for an add <see cref="Old"/> is null, for a delete <see cref="New"/> is null, for an update
/// both are set. The values are the cache's own instances: read them, never modify them.
/// </summary>
public readonly record struct ObjectChange<TEntity>(ObjectKey Key, TEntity? Old, TEntity? New)
    where TEntity : class
{
    /// <summary>The object appeared (created, or listed at start-up).</summary>
    public bool IsAdd => Old is null && New is not null;

    /// <summary>The object is gone (deleted, or found missing by a relist).</summary>
    public bool IsDelete => New is null && Old is not null;

    /// <summary>The object changed.</summary>
    public bool IsUpdate => Old is not null && New is not null;

    /// <summary>The latest known state: <see cref="New"/>, or <see cref="Old"/> for a delete.</summary>
    public TEntity Latest => New ?? Old ?? throw new InvalidOperationException("A change has an old or a new object.");
}
