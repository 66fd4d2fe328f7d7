using NodeIpam.Runtime;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Tests.Support;

/// <summary>
/// Synced informers over the runtime's own cache stores, filled by the test: for the watch mappers and readers that
/// only read caches. Indexes are registered per cached type before the first <see cref="Put{T}"/>.
/// </summary>
internal sealed class StoreInformers : IInformerFactory
{
    private readonly Dictionary<Type, object> _informers = [];

    public StoreInformers Index<T>(string name, Func<T, IEnumerable<string>> values)
        where T : class
    {
        _informers[typeof(T)] = new StoreInformer<T>(new Dictionary<string, Func<T, IEnumerable<string>>> { [name] = values });
        return this;
    }

    public void Put<T>(ObjectKey key, T value, string resourceVersion = "1")
        where T : class =>
        Informer<T>().Cache.Upsert(new CacheEntry<T>(key, resourceVersion, value));

    public IInformer<TCached> GetInformer<TCached>()
        where TCached : class => Informer<TCached>();

    private StoreInformer<T> Informer<T>()
        where T : class
    {
        if (!_informers.TryGetValue(typeof(T), out var informer))
        {
            informer = new StoreInformer<T>(new Dictionary<string, Func<T, IEnumerable<string>>>());
            _informers[typeof(T)] = informer;
        }

        return (StoreInformer<T>)informer;
    }

    private sealed class StoreInformer<T>(IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> indexers) : IInformer<T>
        where T : class
    {
        public CacheStore<T> Cache { get; } = new(indexers, (_, _, e) => throw e);

        public IStore<T> Store => Cache;

        public bool HasSynced => true;

        public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public IDisposable AddEventHandler(IResourceEventHandler<T> handler) => throw new NotSupportedException("the test drives the mapper directly");
    }
}
