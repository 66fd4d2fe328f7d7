using k8s;
using k8s.Models;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>
/// An in-memory informer and store: the test decides what is cached, when it syncs and which events fire. Kubernetes
/// objects are keyed by their metadata; any other cached type is upserted with its key.
/// </summary>
internal sealed class FakeInformer<TEntity> : IInformer<TEntity>, IStore<TEntity>
    where TEntity : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, TEntity> _objects = [];
    private readonly List<IResourceEventHandler<TEntity>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IStore<TEntity> Store => this;

    public long Version { get; private set; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public int HandlerCount
    {
        get
        {
            lock (_lock)
            {
                return _handlers.Count;
            }
        }
    }

    public void MarkSynced() => _synced.TrySetResult();

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IDisposable AddEventHandler(IResourceEventHandler<TEntity> handler)
    {
        lock (_lock)
        {
            _handlers.Add(handler);
            if (HasSynced)
            {
                foreach (var (key, entity) in _objects)
                {
                    handler.OnAdd(key, entity, isInInitialList: true);
                }
            }
        }

        return new Subscription(() =>
        {
            lock (_lock)
            {
                _handlers.Remove(handler);
            }
        });
    }

    /// <summary>Caches the Kubernetes object <paramref name="entity"/> under its own key and tells the handlers (add or update).</summary>
    public void Upsert(TEntity entity) => Upsert(
        ObjectKeys.For(entity as IKubernetesObject<V1ObjectMeta> ?? throw new InvalidOperationException($"{typeof(TEntity).Name} needs an explicit key.")),
        entity);

    /// <summary>Caches <paramref name="entity"/> under <paramref name="key"/> and tells the handlers (add or update).</summary>
    public void Upsert(ObjectKey key, TEntity entity)
    {
        lock (_lock)
        {
            var existed = _objects.TryGetValue(key, out var old);
            _objects[key] = entity;
            Version++;
            foreach (var handler in _handlers)
            {
                if (existed)
                {
                    handler.OnUpdate(key, old!, entity);
                }
                else
                {
                    handler.OnAdd(key, entity, isInInitialList: !HasSynced);
                }
            }
        }
    }

    /// <summary>Removes the object and tells the handlers.</summary>
    public void Delete(ObjectKey key)
    {
        lock (_lock)
        {
            if (!_objects.Remove(key, out var old))
            {
                return;
            }

            Version++;

            foreach (var handler in _handlers)
            {
                handler.OnDelete(key, old);
            }
        }
    }

    public TEntity? Get(ObjectKey key)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    public IReadOnlyCollection<TEntity> List()
    {
        lock (_lock)
        {
            return [.. _objects.Values];
        }
    }

    public IReadOnlyCollection<TEntity> ByIndex(string indexName, string indexedValue) => [];

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
