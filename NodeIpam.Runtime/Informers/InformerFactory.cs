using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// One shared informer per kind, configured by <see cref="InformerServiceCollectionExtensions.ConfigureInformer{TEntity}"/>
/// (transform, indexes) and run as a hosted service: start runs every informer created so far (and any created
/// later at once), stop cancels them all and waits for them. Informers run whether or not this process is the
/// leader, so a standby has warm caches when it takes over.
/// </summary>
internal sealed class InformerFactory : IInformerFactory, IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, IRunnableInformer> _informers = [];
    private readonly List<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly InformerContext _context;
    private readonly ILookup<Type, InformerConfiguration> _configurations;
    private bool _started;

    public InformerFactory(
        KubeApiConnection api,
        InformerOptions options,
        IEnumerable<InformerConfiguration> configurations,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _context = new InformerContext(api, options.Validate(), time, loggers);
        _configurations = configurations.ToLookup(c => c.CachedType);
    }

    /// <summary>Every informer created so far, for readiness (synced) and liveness (watch progress) checks.</summary>
    public IReadOnlyCollection<IInformerStatus> Informers
    {
        get
        {
            lock (_gate)
            {
                return [.. _informers.Values];
            }
        }
    }

    public IInformer<TCached> GetInformer<TCached>()
        where TCached : class
    {
        lock (_gate)
        {
            if (_informers.TryGetValue(typeof(TCached), out var existing))
            {
                return (IInformer<TCached>)existing;
            }

            var configurations = _configurations[typeof(TCached)].ToList();
            InformerConfiguration.CheckOneWay(typeof(TCached), configurations);
            var first = configurations.FirstOrDefault() ?? Unregistered(typeof(TCached));
            var informer = first.Create(configurations, _context);
            _informers[typeof(TCached)] = informer;
            if (_started)
            {
                Run(informer);
            }

            return (IInformer<TCached>)informer;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _started = true;
            foreach (var informer in _informers.Values)
            {
                Run(informer);
            }
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            _started = false;
            running = [.. _running];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    // A Kubernetes model type nobody configured: its informer caches the objects themselves.
    private static InformerConfiguration Unregistered(Type cached)
    {
        if (!cached.IsDefined(typeof(KubernetesEntityAttribute), false))
        {
            throw new InvalidOperationException(
                $"No informer caches {cached.Name}: register one with ConfigureInformer<TEntity, {cached.Name}>(adapter).");
        }

        return (InformerConfiguration)Activator.CreateInstance(typeof(PlainInformerConfiguration<>).MakeGenericType(cached), [null])!;
    }

    private void Run(IRunnableInformer informer) =>
        _running.Add(Task.Run(() => informer.RunAsync(_stopping.Token)));
}
