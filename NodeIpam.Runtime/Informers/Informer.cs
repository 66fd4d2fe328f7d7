using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// A shared informer for one kind (cluster-scoped or namespaced, all namespaces): a <see cref="Reflector{TEntity, TCached}"/>
/// reads <typeparamref name="TEntity"/> and the setup's adapter turns each object into what is cached
/// (<typeparamref name="TCached"/>); handlers are told about each change after the cache has it, in order, on the
/// reflector's loop. A MODIFIED or re-listed object whose resourceVersion did not change is not reported. A relist
/// after 410 Gone reports vanished objects as deletes, changed ones as updates and new ones as adds. A new version
/// whose cached value equals the cached one (<see cref="EqualityComparer{T}.Default"/>: value-equal records; Kubernetes
/// objects compare by reference, so never) is no change: it is not reported and leaves <see cref="IStore{TEntity}.Version"/>
/// as it was. An adapter that
/// throws leaves that object out of the cache (reported as a delete if an older version was cached) and is logged;
/// handler exceptions are logged; neither stops the informer.
/// </summary>
internal sealed class Informer<TEntity, TCached> : IInformer<TCached>, IReflectorSink<TEntity, TCached>, IRunnableInformer
    where TEntity : IKubernetesObject<V1ObjectMeta>
    where TCached : class
{
    private readonly Lock _dispatchGate = new();
    private readonly List<IResourceEventHandler<TCached>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CacheStore<TCached> _store;
    private readonly Func<TEntity, TCached> _adapter;
    private readonly Reflector<TEntity, TCached> _reflector;
    private readonly ILogger _logger;
    private readonly string _kind;

    // One instance per namespace name across the cache's keys (a cluster has few namespaces; every object read brings
    // its own copy of the name). Bounded: past the limit it starts afresh, which loses only sharing.
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly Lock _namespacesGate = new();

    public Informer(
        KubeApiConnection api,
        InformerOptions options,
        InformerSetup<TEntity, TCached> setup,
        TimeProvider time,
        ILogger logger)
    {
        var paths = ResourcePaths.For<TEntity>();
        _kind = paths.Kind;
        _logger = logger;
        _adapter = setup.Adapter(logger, _kind);
        _store = new CacheStore<TCached>(setup.Indexers, (index, key, e) => logger.IndexFailed(_kind, index, key, e));
        _reflector = new Reflector<TEntity, TCached>(api, paths, options, setup.ReadOptions, this, time, logger, Random.Shared.NextDouble);
    }

    public IStore<TCached> Store => _store;

    public bool HasSynced => _synced.Task.IsCompleted;

    public string Kind => _kind;

    public DateTimeOffset LastWatchProgress => _reflector.LastProgress;

    /// <summary>The resourceVersion the next watch resumes from (null while a relist is due).</summary>
    internal string? ResourceVersion => _reflector.ResourceVersion;

    /// <summary>The cached resourceVersion of <paramref name="key"/>; null when it is not cached.</summary>
    internal string? CachedResourceVersion(ObjectKey key) => _store.GetEntry(key)?.ResourceVersion;

    /// <summary>Lists and watches until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _reflector.RunAsync(cancellationToken);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IDisposable AddEventHandler(IResourceEventHandler<TCached> handler)
    {
        lock (_dispatchGate)
        {
            if (HasSynced)
            {
                foreach (var entry in _store.Entries())
                {
                    Notify(handler, "add", entry.Key, h => h.OnAdd(entry.Key, entry.Value, isInInitialList: true));
                }
            }

            _handlers.Add(handler);
        }

        return new Registration(this, handler);
    }

    void IReflectorSink<TEntity, TCached>.Replace(IReadOnlyList<CacheEntry<TCached>> items, bool isInitialList)
    {
        lock (_dispatchGate)
        {
            var listed = new HashSet<ObjectKey>();
            foreach (var entry in items)
            {
                listed.Add(entry.Key);
                Upsert(entry, isInitialList);
            }

            foreach (var gone in _store.Entries().Where(e => !listed.Contains(e.Key)))
            {
                Delete(gone.Key, final: null);
            }

            _synced.TrySetResult();
        }
    }

    void IReflectorSink<TEntity, TCached>.Apply(string eventType, CacheEntry<TCached> entry)
    {
        lock (_dispatchGate)
        {
            if (eventType == "DELETED")
            {
                // The event carries the object's final state; handlers get it even if the cache never had it.
                Delete(entry.Key, entry.Value);
                return;
            }

            Upsert(entry, isInitialList: false);
        }
    }

    CacheEntry<TCached> IReflectorSink<TEntity, TCached>.Prepare(TEntity raw)
    {
        var key = new ObjectKey(SharedNamespace(raw.Metadata?.NamespaceProperty), raw.Metadata?.Name ?? string.Empty);
        var resourceVersion = raw.Metadata?.ResourceVersion;
        try
        {
            return new CacheEntry<TCached>(key, resourceVersion, _adapter(raw));
        }
        catch (Exception e)
        {
            _logger.AdapterFailed(_kind, key, e);
            return new CacheEntry<TCached>(key, resourceVersion, null!);
        }
    }

    private string SharedNamespace(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        lock (_namespacesGate)
        {
            if (_namespaces.TryGetValue(name, out var shared))
            {
                return shared;
            }

            if (_namespaces.Count >= RuntimeDefaults.InformerSharedNamespaces)
            {
                _namespaces.Clear();
            }

            _namespaces.Add(name);
            return name;
        }
    }

    private void Upsert(CacheEntry<TCached> entry, bool isInitialList)
    {
        if (entry.Value is null)
        {
            // The adapter failed: a reader must not act on an older version as if it were current.
            Delete(entry.Key, final: null);
            return;
        }

        var old = _store.GetEntry(entry.Key);
        if (old is { } cached && cached.ResourceVersion == entry.ResourceVersion)
        {
            return;
        }

        if (old is { } known)
        {
            // The cached key's strings stay; the new version's copies of the same name become garbage.
            entry = entry with { Key = known.Key };
        }

        if (old is { } same && EqualityComparer<TCached>.Default.Equals(same.Value, entry.Value))
        {
            // Nothing a reader reads changed (a node's heartbeat, for records that leave it out): only the version
            // moves. The cached instance stays, no handler is told and the store's Version does not change.
            _store.Refresh(entry with { Value = same.Value });
            return;
        }

        _store.Upsert(entry);
        if (old is not { } previous)
        {
            Broadcast("add", entry.Key, h => h.OnAdd(entry.Key, entry.Value, isInitialList));
        }
        else
        {
            Broadcast("update", entry.Key, h => h.OnUpdate(entry.Key, previous.Value, entry.Value));
        }
    }

    private void Delete(ObjectKey key, TCached? final)
    {
        var removed = _store.Remove(key);
        if ((final ?? removed) is { } last)
        {
            Broadcast("delete", key, h => h.OnDelete(key, last));
        }
    }

    private void Broadcast(string notification, ObjectKey key, Action<IResourceEventHandler<TCached>> call)
    {
        // A snapshot: a handler may add or remove handlers from its callback.
        foreach (var handler in _handlers.ToArray())
        {
            Notify(handler, notification, key, call);
        }
    }

    private void Notify(
        IResourceEventHandler<TCached> handler, string notification, ObjectKey key, Action<IResourceEventHandler<TCached>> call)
    {
        try
        {
            call(handler);
        }
        catch (Exception e)
        {
            _logger.HandlerFailed(_kind, notification, key, e);
        }
    }

    private void RemoveHandler(IResourceEventHandler<TCached> handler)
    {
        lock (_dispatchGate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Registration(Informer<TEntity, TCached> owner, IResourceEventHandler<TCached> handler) : IDisposable
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
