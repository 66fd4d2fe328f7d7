using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Hosting;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Metrics;
using NodeIpam.Simulator;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>
/// The simulator plus the operator host built by the same wiring as <c>run</c> (<see cref="OperatorHost"/>), pointed
/// at the simulator through the real HTTP client, probes and metrics on free ports. Tests seed and change objects
/// through the simulator and observe what the operator wrote, counting requests rather than timing them.
/// </summary>
internal sealed class OperatorHarness : IAsyncDisposable
{
    /// <summary>The namespace test Services live in.</summary>
    public const string Namespace = "default";

    private OperatorHarness(KubeApiSimulator simulator)
    {
        Simulator = simulator;
        Client = new Kubernetes(simulator.ClientConfiguration());
    }

    public KubeApiSimulator Simulator { get; }

    /// <summary>A client for the test's own writes (not counted as the operator's: a different user agent).</summary>
    public Kubernetes Client { get; }

    public IHost? Host { get; private set; }

    /// <summary>Status PATCHes of Services received so far (only the operator writes Service status).</summary>
    public int StatusWrites => Simulator.Requests.Count("patch", "services", "status");

    /// <summary>Reconciles the running operator finished (controller_runtime_reconcile_total of the Service controller).</summary>
    public double Reconciles
    {
        get
        {
            var metrics = Host!.Services.GetRequiredService<RuntimeMetrics>();
            return (string[])["success", "error", "requeue_after"] is var results
                ? results.Sum(r => metrics.ReconcileTotal.WithLabels(OperatorServices.ControllerName, r).Value)
                : 0;
        }
    }

    /// <summary>Reconciles in progress right now.</summary>
    public double ActiveWorkers =>
        Host!.Services.GetRequiredService<RuntimeMetrics>().ActiveWorkers.WithLabels(OperatorServices.ControllerName).Value;

    public static async Task<OperatorHarness> StartAsync() => new(await KubeApiSimulator.StartAsync());

    /// <summary>Starts the operator and waits until it reconciles (caches synced, leading).</summary>
    public async Task StartOperatorAsync(RunOptions? options = null)
    {
        options ??= new RunOptions();
        options = options with { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "127.0.0.1:0", MetricsSecure = false };
        var settings = options.ToSettings(Simulator.ClientConfiguration(), () => Namespace);
        Host = OperatorHost.Build(options, settings, logging => logging.ClearProviders().AddFilter(_ => false));
        await Host.StartAsync();
        var controller = Host.Services.GetRequiredService<ControllerHost<ServiceController, CachedService>>();
        await Eventually.HoldsAsync(() => controller.State == ControllerHostState.Running, "the controller runs");
    }

    public async Task StopOperatorAsync()
    {
        if (Host is { } host)
        {
            Host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>
    /// Stops the operator, forgets the requests counted so far, starts it again and waits until it has reconciled
    /// <paramref name="reconciles"/> Services and is idle: what the restart wrote is then <see cref="StatusWrites"/>.
    /// </summary>
    public async Task RestartOperatorAsync(int reconciles, RunOptions? options = null)
    {
        await StopOperatorAsync();
        Simulator.Requests.Reset();
        await StartOperatorAsync(options);
        await Eventually.HoldsAsync(() => Reconciles >= reconciles, $"{reconciles} Services were reconciled after the restart");
        await WaitIdleAsync();
    }

    /// <summary>Waits until nothing is queued, waiting for a retry or being reconciled, several polls in a row.</summary>
    public async Task WaitIdleAsync(int seconds = 30)
    {
        var controller = Host!.Services.GetRequiredService<ControllerHost<ServiceController, CachedService>>();
        var metrics = Host.Services.GetRequiredService<RuntimeMetrics>();
        var active = metrics.ActiveWorkers.WithLabels(OperatorServices.ControllerName);
        var quiet = 0;
        await Eventually.HoldsAsync(
            () =>
            {
                quiet = controller.Queue.Length == 0 && controller.Queue.WaitingCount == 0 && active.Value == 0 ? quiet + 1 : 0;
                return quiet >= 5;
            },
            "the controller is idle",
            seconds);
    }

    /// <summary>The /metrics text of the running operator.</summary>
    public async Task<string> ScrapeMetricsAsync()
    {
        var address = Host!.Services.GetRequiredService<ProbeServer>().MetricsAddress!;
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(address, "/metrics"));
    }

    public V1Service? Service(string name) => Simulator.Store.Get<V1Service>(name, Namespace);

    /// <summary>The ingress IPs of a Service as stored, in order.</summary>
    public IReadOnlyList<string> Ingress(string name) =>
        [.. Service(name)?.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip) ?? []];

    /// <summary>Our condition on a Service as stored.</summary>
    public V1Condition? Condition(string name) =>
        Service(name)?.Status?.Conditions?.FirstOrDefault(c => c.Type == ServiceStatusNames.ConditionType);

    /// <summary>Waits until the Service advertises exactly <paramref name="ips"/> (in this order).</summary>
    public Task WaitForIngressAsync(string name, params string[] ips) =>
        Eventually.HoldsAsync(
            () => Ingress(name).SequenceEqual(ips),
            () => $"{name} advertises [{string.Join(", ", ips)}] (has [{string.Join(", ", Ingress(name))}], condition {Condition(name)?.Reason}: {Condition(name)?.Message})");

    /// <summary>Waits until our condition on the Service has this reason.</summary>
    public Task WaitForReasonAsync(string name, string reason) =>
        Eventually.HoldsAsync(() => Condition(name)?.Reason == reason, () => $"{name} has condition reason {reason} (has {Condition(name)?.Reason}: {Condition(name)?.Message})");

    /// <summary>The events.k8s.io Events about a Service.</summary>
    public IReadOnlyList<Eventsv1Event> Events(string service) =>
        [.. Simulator.Store.List<Eventsv1Event>(Namespace).Where(e => e.Regarding?.Name == service)];

    /// <summary>Waits until an Event with this reason exists for the Service.</summary>
    public Task WaitForEventAsync(string service, string reason) =>
        Eventually.HoldsAsync(
            () => Events(service).Any(e => e.Reason == reason),
            () => $"{service} has an event {reason} (has {string.Join(", ", Events(service).Select(e => e.Reason))})");

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
