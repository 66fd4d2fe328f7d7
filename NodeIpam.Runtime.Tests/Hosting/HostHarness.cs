using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Metrics;
using Prometheus;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>A controller host for <see cref="RecordingController"/> on fake informers, leadership and time.</summary>
internal sealed class HostHarness : IAsyncDisposable
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    public HostHarness(int workers = 1, Action<ControllerBuilder<V1Service>>? configure = null, TimeSpan? shutdownTimeout = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(Script);
        collection.AddTransient<RecordingController>();
        _services = collection.BuildServiceProvider();
        var builder = new ControllerBuilder<V1Service>();
        configure?.Invoke(builder);
        var settings = new OperatorSettings
        {
            MaxConcurrentReconciles = workers,
            GracefulShutdownTimeout = shutdownTimeout ?? RuntimeDefaults.GracefulShutdownTimeout,
        };
        Host = new ControllerHost<RecordingController, V1Service>(
            builder.Build(),
            Informers,
            Leadership,
            _services,
            new RuntimeMetrics(Registry),
            settings,
            Time,
            NullLogger<ControllerHost<RecordingController, V1Service>>.Instance);
    }

    public ReconcileScript Script { get; } = new();

    public FakeInformerFactory Informers { get; } = new();

    public FakeInformer<V1Service> Services => Informers.For<V1Service>();

    public FakeLeadership Leadership { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public CollectorRegistry Registry { get; } = RuntimeMetrics.CreateRegistry();

    public ControllerHost<RecordingController, V1Service> Host { get; }

    public static V1Service Service(string name, string version = "1") =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", ResourceVersion = version } };

    public static ObjectKey Key(string name) => new("default", name);

    /// <summary>Starts the host and lets it run: synced and leading.</summary>
    public async Task StartRunningAsync()
    {
        Services.MarkSynced();
        Leadership.Grant();
        await Host.StartAsync(CancellationToken.None);
        await Until(() => Host.State == ControllerHostState.Running);
    }

    /// <summary>Waits for <paramref name="count"/> more reconciles to return.</summary>
    public async Task ReconcilesCompleted(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            (await Script.Completed.WaitAsync(Safety)).Should().BeTrue("a reconcile was expected to complete");
        }
    }

    /// <summary>Polls a condition that other threads make true; fails after the safety timeout.</summary>
    public static async Task Until(Func<bool> condition)
    {
        using var safety = new CancellationTokenSource(Safety);
        while (!condition())
        {
            await Task.Delay(1, safety.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(Safety);
        await Host.StopAsync(stop.Token);
        Host.Dispose();
        Leadership.Dispose();
        await _services.DisposeAsync();
    }
}
