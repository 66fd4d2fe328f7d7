using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>
/// An informer of <typeparamref name="TEntity"/> caching <typeparamref name="TCached"/>, running against a fresh
/// simulator, with a recording handler attached before it starts.
/// </summary>
internal class SimulatedInformer<TEntity, TCached> : IAsyncDisposable
    where TEntity : IKubernetesObject<V1ObjectMeta>
    where TCached : class
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Kubernetes _client;
    private Task? _run;

    protected SimulatedInformer(
        KubeApiSimulator simulator, InformerOptions options, InformerSetup<TEntity, TCached> setup, RecordingHandler<TCached> handler, ILogger logger)
    {
        Simulator = simulator;
        _client = new Kubernetes(simulator.ClientConfiguration());
        Informer = new Informer<TEntity, TCached>(new KubeApiConnection(_client), options.Validate(), setup, TimeProvider.System, logger);
        Handler = handler;
        Informer.AddEventHandler(Handler);
    }

    public KubeApiSimulator Simulator { get; }

    public Informer<TEntity, TCached> Informer { get; }

    public RecordingHandler<TCached> Handler { get; }

    /// <summary>Short backoff so that retry tests stay quick; everything else at its default.</summary>
    public static InformerOptions FastOptions => new() { BackoffInitial = TimeSpan.FromMilliseconds(20), BackoffMax = TimeSpan.FromMilliseconds(200) };

    /// <summary>An informer caching what <paramref name="adapter"/> makes of each object, recorded with <paramref name="describe"/>.</summary>
    public static async Task<SimulatedInformer<TEntity, TCached>> CreateAsync(
        Func<TEntity, TCached> adapter, Func<TCached, string> describe, ILogger? logger = null) =>
        new(await KubeApiSimulator.StartAsync(), FastOptions, new InformerSetup<TEntity, TCached>(adapter), new RecordingHandler<TCached>(describe), logger ?? NullLogger.Instance);

    public async Task StartAndSyncAsync()
    {
        Start();
        await Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void Start() => _run = Task.Run(() => Informer.RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(20));
        }

        _stop.Dispose();
        _client.Dispose();
        await Simulator.DisposeAsync();
    }
}
