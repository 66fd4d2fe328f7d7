namespace NodeIpam.Runtime.Informers;

/// <summary>
/// A shared list+watch informer for one kind (client-go's SharedIndexInformer): one LIST and one WATCH per kind
/// per process, whatever the number of controllers reading it. <typeparamref name="TCached"/> is what its cache
/// keeps of each object: the object itself (trimmed by a transform), or a record an adapter made of it.
/// </summary>
public interface IInformer<TCached>
    where TCached : class
{
    /// <summary>The cache this informer fills.</summary>
    IStore<TCached> Store { get; }

    /// <summary>True once the initial LIST has been stored and delivered to the handlers.</summary>
    bool HasSynced { get; }

    /// <summary>Completes when <see cref="HasSynced"/> becomes true, or throws when cancelled.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>Adds a handler; a handler added after sync is first told about every cached object.</summary>
    IDisposable AddEventHandler(IResourceEventHandler<TCached> handler);
}
