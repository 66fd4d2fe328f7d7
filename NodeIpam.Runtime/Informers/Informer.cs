using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// A shared informer for one kind (cluster-scoped or namespaced, all namespaces): a <see cref="Reflector{TEntity}"/>
/// fills a <see cref="CacheStore{TEntity}"/> and handlers are told about each change after the cache has it, in
/// order, on the reflector's loop. Objects are transformed (and stripped of managedFields) before they are cached.
/// A MODIFIED or re-listed object whose resourceVersion did not change is not reported. A relist after 410 Gone
/// reports vanished objects as deletes, changed ones as updates and new ones as adds. Handler exceptions are logged
/// and never stop the informer.
/// </summary>
internal sealed class Informer<TEntity> : IInformer<TEntity>, IReflectorSink<TEntity>, IRunnableInformer
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _dispatchGate = new();
    private readonly List<IResourceEventHandler<TEntity>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CacheStore<TEntity> _store;
    private readonly Func<TEntity, TEntity>? _transform;
    private readonly Reflector<TEntity> _reflector;
    private readonly ILogger _logger;
    private readonly string _kind;

    public Informer(
        KubeApiConnection api,
        InformerOptions options,
        InformerSetup<TEntity> setup,
        TimeProvider time,
        ILogger logger)
    {
        var paths = ResourcePaths.For<TEntity>();
        _kind = paths.Kind;
        _logger = logger;
        _transform = setup.Transform;
        _store = new CacheStore<TEntity>(setup.Indexers, (index, key, e) => logger.IndexFailed(_kind, index, key, e));
        _reflector = new Reflector<TEntity>(api, paths, options, setup.ReadOptions, this, time, logger, Random.Shared.NextDouble);
    }

    public IStore<TEntity> Store => _store;

    public bool HasSynced => _synced.Task.IsCompleted;

    public string Kind => _kind;

    public DateTimeOffset LastWatchProgress => _reflector.LastProgress;

    /// <summary>The resourceVersion the next watch resumes from (null while a relist is due).</summary>
    internal string? ResourceVersion => _reflector.ResourceVersion;

    /// <summary>Lists and watches until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _reflector.RunAsync(cancellationToken);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IDisposable AddEventHandler(IResourceEventHandler<TEntity> handler)
    {
        lock (_dispatchGate)
        {
            if (HasSynced)
            {
                foreach (var entity in _store.List())
                {
                    Notify(handler, "add", entity, h => h.OnAdd(entity, isInInitialList: true));
                }
            }

            _handlers.Add(handler);
        }

        return new Registration(this, handler);
    }

    void IReflectorSink<TEntity>.Replace(IReadOnlyList<TEntity> items, bool isInitialList)
    {
        lock (_dispatchGate)
        {
            var listed = new HashSet<ObjectKey>();
            foreach (var entity in items)
            {
                listed.Add(CacheStore<TEntity>.KeyOf(entity));
                Upsert(entity, isInitialList);
            }

            foreach (var gone in _store.List().Where(e => !listed.Contains(CacheStore<TEntity>.KeyOf(e))))
            {
                var removed = _store.Remove(CacheStore<TEntity>.KeyOf(gone));
                if (removed is not null)
                {
                    Broadcast("delete", removed, h => h.OnDelete(removed));
                }
            }

            _synced.TrySetResult();
        }
    }

    void IReflectorSink<TEntity>.Apply(string eventType, TEntity entity)
    {
        lock (_dispatchGate)
        {
            if (eventType == "DELETED")
            {
                // The event carries the object's final state; handlers get it even if the cache never had it.
                _store.Remove(CacheStore<TEntity>.KeyOf(entity));
                Broadcast("delete", entity, h => h.OnDelete(entity));
                return;
            }

            Upsert(entity, isInitialList: false);
        }
    }

    private void Upsert(TEntity entity, bool isInitialList)
    {
        var old = _store.Get(CacheStore<TEntity>.KeyOf(entity));
        if (old is not null && old.Metadata.ResourceVersion == entity.Metadata.ResourceVersion)
        {
            return;
        }

        _store.Upsert(entity);
        if (old is null)
        {
            Broadcast("add", entity, h => h.OnAdd(entity, isInitialList));
        }
        else
        {
            Broadcast("update", entity, h => h.OnUpdate(old, entity));
        }
    }

    TEntity IReflectorSink<TEntity>.Prepare(TEntity raw)
    {
        var entity = raw;
        if (_transform is not null)
        {
            try
            {
                entity = _transform(raw);
            }
            catch (Exception e)
            {
                _logger.TransformFailed(_kind, CacheStore<TEntity>.KeyOf(raw), e);
                entity = raw;
            }
        }

        if (entity.Metadata is not null)
        {
            entity.Metadata.ManagedFields = null;
        }

        return entity;
    }

    private void Broadcast(string notification, TEntity entity, Action<IResourceEventHandler<TEntity>> call)
    {
        // A snapshot: a handler may add or remove handlers from its callback.
        foreach (var handler in _handlers.ToArray())
        {
            Notify(handler, notification, entity, call);
        }
    }

    private void Notify(
        IResourceEventHandler<TEntity> handler, string notification, TEntity entity, Action<IResourceEventHandler<TEntity>> call)
    {
        try
        {
            call(handler);
        }
        catch (Exception e)
        {
            _logger.HandlerFailed(_kind, notification, CacheStore<TEntity>.KeyOf(entity), e);
        }
    }

    private void RemoveHandler(IResourceEventHandler<TEntity> handler)
    {
        lock (_dispatchGate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Registration(Informer<TEntity> owner, IResourceEventHandler<TEntity> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.RemoveHandler(handler);
            }
        }
    }
}
