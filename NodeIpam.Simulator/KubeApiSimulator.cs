using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodeIpam.Simulator.Auth;
using NodeIpam.Simulator.Defaults;
using NodeIpam.Simulator.Http;
using NodeIpam.Simulator.Registry;
using NodeIpam.Simulator.Serving;
using NodeIpam.Simulator.Storage;
using NodeIpam.Simulator.Tables;

namespace NodeIpam.Simulator;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 (plain HTTP, no authentication) that KubernetesClient and
/// kubectl talk to like a cluster. Starts with the namespaces default, kube-system, kube-public and
/// kube-node-lease.
/// </summary>
public sealed class KubeApiSimulator : IAsyncDisposable
{
    /// <summary>How long disposal waits for in-flight requests before aborting them (real time, shutdown only).</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private static readonly string[] InitialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private int _disposed;

    private KubeApiSimulator(WebApplication app, ObjectStore store, SimulatorStore seeding, SimulatorFaults faults, RequestLog requests, SimulatorRbac rbac, Uri baseAddress)
    {
        Rbac = rbac;
        _app = app;
        _store = store;
        Store = seeding;
        Faults = faults;
        Requests = requests;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    /// <summary>Direct object access for seeding (see <see cref="SimulatorStore"/>).</summary>
    public SimulatorStore Store { get; }

    /// <summary>Fault injection.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>Request counters.</summary>
    public RequestLog Requests { get; }

    /// <summary>Optional RBAC enforcement (off by default).</summary>
    public SimulatorRbac Rbac { get; }

    /// <summary>Events kept per resource for watch resumes; changeable at any time.</summary>
    public int WatchHistorySize
    {
        get => _store.HistorySize;
        set => _store.HistorySize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be at least 1");
    }

    /// <summary>Starts the simulator; the port is free-chosen unless <see cref="SimulatorOptions.Port"/> is set.</summary>
    public static async Task<KubeApiSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SimulatorOptions();
        options.Validate();
        var time = options.TimeProvider ?? TimeProvider.System;
        var store = new ObjectStore(options.WatchHistorySize);
        var registry = new ResourceRegistry(store, new StrategyTable(), time);
        var faults = new SimulatorFaults(store);
        var requests = new RequestLog();
        var tables = new TableRenderer(time);
        var rbac = new SimulatorRbac();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        if (options.LogRequests)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddSingleton(options).AddSingleton(time).AddSingleton(store).AddSingleton(registry)
            .AddSingleton(faults).AddSingleton(requests).AddSingleton(tables).AddSingleton(rbac).AddSingleton<RbacAuthorizer>().AddSingleton<ReviewHandler>()
            .AddSingleton<WatchHandler>().AddSingleton<ResourceHandler>().AddSingleton<ApiDispatcher>();
        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<ApiDispatcher>();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var seeding = new SimulatorStore(registry);
        foreach (var ns in InitialNamespaces)
        {
            seeding.CreateJson(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }.ToJsonString());
        }

        return new KubeApiSimulator(app, store, seeding, faults, requests, rbac, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
    }

    /// <summary>
    /// A client configuration for <c>new Kubernetes(...)</c>: this server, authenticating with
    /// <paramref name="token"/> (default: the admin token; matters only when <see cref="SimulatorRbac.Enforce"/> is on).
    /// </summary>
    public KubernetesClientConfiguration ClientConfiguration(string token = SimulatorRbac.AdminToken) =>
        new() { Host = BaseAddress.ToString().TrimEnd('/'), Namespace = "default", AccessToken = token };

    /// <summary>
    /// Writes a kubeconfig kubectl and KubernetesClient accept: one cluster, one context (namespace default),
    /// a bearer token (default: the admin token; matters only when <see cref="SimulatorRbac.Enforce"/> is on).
    /// </summary>
    public void WriteKubeconfig(string path, string token = SimulatorRbac.AdminToken) => File.WriteAllText(path, Kubeconfig.Render(BaseAddress, token));

    /// <summary>
    /// Stops serving: open watches end, paused requests are released, and whatever is still running after
    /// <see cref="ShutdownGrace"/> (a request held by injected latency on a fake clock) is aborted.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Faults.Resume();
        _store.ForEachWatch(w => w.Close());
        using var grace = new CancellationTokenSource(ShutdownGrace);
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
