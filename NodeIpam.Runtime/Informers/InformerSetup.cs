using k8s;
using k8s.Models;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Per-kind informer configuration, registered before the informer starts with
/// <see cref="InformerServiceCollectionExtensions.ConfigureInformer{TEntity}"/>.
/// </summary>
public sealed class InformerSetup<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<string, Func<TEntity, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);

    /// <summary>
    /// Applied to every object before it is cached (client-go's TransformFunc): return a copy keeping only what the
    /// operator reads, to bound the cache's memory. managedFields are dropped for every kind whatever this does.
    /// Must not throw; if it does, the object is cached untransformed and the error is logged.
    /// </summary>
    public Func<TEntity, TEntity>? Transform { get; set; }

    internal IReadOnlyDictionary<string, Func<TEntity, IEnumerable<string>>> Indexers => _indexers;

    /// <summary>
    /// Adds a secondary index: <paramref name="indexValues"/> maps an object to the values it is found under with
    /// <see cref="IStore{TEntity}.ByIndex"/>. It sees transformed objects and must be pure.
    /// </summary>
    public InformerSetup<TEntity> AddIndex(string name, Func<TEntity, IEnumerable<string>> indexValues)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_indexers.TryAdd(name, indexValues))
        {
            throw new ArgumentException($"An index named '{name}' is already registered for {typeof(TEntity).Name}.", nameof(name));
        }

        return this;
    }
}
