using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    private readonly KubeApiConnection _api;
    private readonly InformerOptions _options;
    private readonly ILookup<Type, InformerConfiguration> _configurations;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private bool _started;

    public InformerFactory(
        KubeApiConnection api,
        InformerOptions options,
        IEnumerable<InformerConfiguration> configurations,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _api = api;
        _options = options.Validate();
        _configurations = configurations.ToLookup(c => c.EntityType);
        _time = time;
        _loggers = loggers;
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

    public IInformer<TEntity> GetInformer<TEntity>()
        where TEntity : IKubernetesObject<V1ObjectMeta>
    {
        lock (_gate)
        {
            if (_informers.TryGetValue(typeof(TEntity), out var existing))
            {
                return (IInformer<TEntity>)existing;
            }

            var setup = new InformerSetup<TEntity>();
            foreach (var configuration in _configurations[typeof(TEntity)])
            {
                ((Action<InformerSetup<TEntity>>)configuration.Configure)(setup);
            }

            var informer = new Informer<TEntity>(
                _api, _options, setup, _time, _loggers.CreateLogger($"NodeIpam.Runtime.Informers.Informer.{typeof(TEntity).Name}"));
            _informers[typeof(TEntity)] = informer;
            if (_started)
            {
                Run(informer);
            }

            return informer;
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

    private void Run(IRunnableInformer informer) =>
        _running.Add(Task.Run(() => informer.RunAsync(_stopping.Token)));
}
