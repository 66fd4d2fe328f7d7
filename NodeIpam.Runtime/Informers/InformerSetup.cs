using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Per-kind informer configuration, registered before the informer starts with
/// <see cref="InformerServiceCollectionExtensions.ConfigureInformer{TEntity, TCached}"/>: how objects of
/// <typeparamref name="TEntity"/> are read (<see cref="SkipOnRead{TModel}"/>), the adapter that turns each into what
/// the cache keeps (<typeparamref name="TCached"/>), and the cache's secondary indexes.
/// </summary>
public class InformerSetup<TEntity, TCached>
    where TEntity : IKubernetesObject<V1ObjectMeta>
    where TCached : class
{
    private readonly Dictionary<string, Func<TCached, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, HashSet<string>> _skipped = [];
    private readonly Func<TEntity, TCached>? _adapter;
    private JsonSerializerOptions? _readOptions;

    /// <summary>A setup whose cache keeps what <paramref name="adapter"/> makes of each object.</summary>
    internal InformerSetup(Func<TEntity, TCached>? adapter) => _adapter = adapter;

    internal IReadOnlyDictionary<string, Func<TCached, IEnumerable<string>>> Indexers => _indexers;

    /// <summary>
    /// KubernetesClient's JSON options, minus the properties given to <see cref="SkipOnRead{TModel}"/>. Built on first
    /// use; a property name that <typeparamref name="TEntity"/>'s models do not have is an error then (at start-up).
    /// </summary>
    internal JsonSerializerOptions ReadOptions => _readOptions ??= BuildReadOptions();

    /// <summary>
    /// Skips JSON properties of a model type (by their JSON names, e.g. <c>images</c> of <see cref="V1NodeStatus"/>)
    /// while objects of this kind are read, so nothing is allocated for them: cheaper than dropping them in the
    /// the adapter, which runs after the whole object was built. Skipped properties are null in what
    /// handlers, indexes and the transform see; use it only for what the operator never reads.
    /// </summary>
    public InformerSetup<TEntity, TCached> SkipOnRead<TModel>(params string[] jsonPropertyNames)
    {
        if (_readOptions is not null)
        {
            throw new InvalidOperationException("Properties to skip must be registered before the informer starts.");
        }

        if (!_skipped.TryGetValue(typeof(TModel), out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            _skipped[typeof(TModel)] = names;
        }

        names.UnionWith(jsonPropertyNames);
        return this;
    }

    /// <summary>
    /// Adds a secondary index: <paramref name="indexValues"/> maps a cached value to the values it is found under with
    /// <see cref="IStore{TEntity}.ByIndex"/>. It must be pure.
    /// </summary>
    public InformerSetup<TEntity, TCached> AddIndex(string name, Func<TCached, IEnumerable<string>> indexValues)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_indexers.TryAdd(name, indexValues))
        {
            throw new ArgumentException($"An index named '{name}' is already registered for {typeof(TEntity).Name}.", nameof(name));
        }

        return this;
    }

    /// <summary>What the informer calls on every object read, before caching it.</summary>
    internal virtual Func<TEntity, TCached> Adapter(ILogger logger, string kind) =>
        _adapter ?? throw new InvalidOperationException($"The informer of {kind} has no cache adapter.");

    private JsonSerializerOptions BuildReadOptions()
    {
        var shared = KubernetesJsonOptions.Options;
        if (_skipped.Count == 0)
        {
            return shared;
        }

        var options = new JsonSerializerOptions(shared)
        {
            TypeInfoResolver = (shared.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Skip),
        };
        foreach (var (type, names) in _skipped)
        {
            var known = shared.GetTypeInfo(type).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                throw new ArgumentException($"{type.Name} has no JSON property '{unknown}' to skip (it has: {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
            }
        }

        return options;
    }

    // Runs once per type per options instance. Without its property the reader skips the value without materialising
    // it, as for any unknown property.
    private void Skip(JsonTypeInfo typeInfo)
    {
        if (_skipped.TryGetValue(typeInfo.Type, out var names))
        {
            for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            {
                if (names.Contains(typeInfo.Properties[i].Name))
                {
                    typeInfo.Properties.RemoveAt(i);
                }
            }
        }
    }
}
