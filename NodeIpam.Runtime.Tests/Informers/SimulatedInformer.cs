using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NodeIpam.Runtime.Informers;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>An informer running against a fresh simulator, with a recording handler attached before it starts.</summary>
internal sealed class SimulatedInformer<TEntity> : IAsyncDisposable
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Kubernetes _client;
    private Task? _run;

    private SimulatedInformer(KubeApiSimulator simulator, InformerOptions options)
    {
        Simulator = simulator;
        _client = new Kubernetes(simulator.ClientConfiguration());
        Informer = new Informer<TEntity>(new KubeApiConnection(_client), options.Validate(), new InformerSetup<TEntity>(), TimeProvider.System, NullLogger.Instance);
        Informer.AddEventHandler(Handler);
    }

    public KubeApiSimulator Simulator { get; }

    public Informer<TEntity> Informer { get; }

    public RecordingHandler<TEntity> Handler { get; } = new();

    /// <summary>Short backoff so that retry tests stay quick; everything else at its default.</summary>
    public static InformerOptions FastOptions => new() { BackoffInitial = TimeSpan.FromMilliseconds(20), BackoffMax = TimeSpan.FromMilliseconds(200) };

    public static async Task<SimulatedInformer<TEntity>> CreateAsync(InformerOptions? options = null) =>
        new(await KubeApiSimulator.StartAsync(), options ?? FastOptions);

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
