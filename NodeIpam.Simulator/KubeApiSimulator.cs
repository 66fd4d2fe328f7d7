using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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
/// An in-process Kubernetes API server on 127.0.0.1 (plain HTTP, or HTTPS with <see cref="SimulatorOptions.Tls"/>;
/// no authentication) that KubernetesClient and kubectl talk to like a cluster. Starts with the namespaces default,
/// kube-system, kube-public and kube-node-lease.
/// </summary>
public sealed class KubeApiSimulator : IAsyncDisposable
{
    /// <summary>How long disposal waits for in-flight requests before aborting them (real time, shutdown only).</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private static readonly string[] InitialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly WebApplication _app;
    private readonly ObjectStore _store;

    // With its private key, for Kestrel as long as it serves.
    private readonly X509Certificate2? _certificate;
    private int _disposed;

    private KubeApiSimulator(WebApplication app, ObjectStore store, SimulatorStore seeding, SimulatorFaults faults, RequestLog requests, SimulatorRbac rbac, Uri baseAddress, X509Certificate2? certificate)
    {
        _certificate = certificate;
        ServingCertificate = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
        Rbac = rbac;
        _app = app;
        _store = store;
        Store = seeding;
        Faults = faults;
        Requests = requests;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port/, or https://127.0.0.1:port/ with <see cref="SimulatorOptions.Tls"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// With <see cref="SimulatorOptions.Tls"/>, the self-signed serving certificate (without its private key): the one
    /// root a client must trust, as the kubeconfig's certificate-authority-data says. Null on plain HTTP.
    /// </summary>
    public X509Certificate2? ServingCertificate { get; }

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

        // The real clock, whatever the simulator's: clients check the certificate's validity period against theirs.
        var certificate = options.Tls ? Serving.ServingCertificate.Create(TimeProvider.System) : null;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        if (options.LogRequests)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    // As kube-apiserver: TLS, then HTTP/2 or HTTP/1.1 as the client's ALPN asks.
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate);
                }
            });
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

        var scheme = certificate is null ? "http" : "https";
        return new KubeApiSimulator(app, store, seeding, faults, requests, rbac, new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{port}/")), certificate);
    }

    /// <summary>
    /// A client configuration for <c>new Kubernetes(...)</c>: this server, authenticating with
    /// <paramref name="token"/> (default: the admin token; matters only when <see cref="SimulatorRbac.Enforce"/> is on).
    /// </summary>
    public KubernetesClientConfiguration ClientConfiguration(string token = SimulatorRbac.AdminToken) => new()
    {
        Host = BaseAddress.ToString().TrimEnd('/'),
        Namespace = "default",
        AccessToken = token,
        SslCaCerts = ServingCertificate is null ? null : [ServingCertificate],
    };

    /// <summary>
    /// A handler for an <see cref="HttpClient"/> of this simulator: with TLS, it trusts the
    /// <see cref="ServingCertificate"/> and nothing else (hostname checked too). The caller may set its other
    /// properties (connections, timeouts) and disposes it.
    /// </summary>
    public SocketsHttpHandler CreateHttpHandler()
    {
        var handler = new SocketsHttpHandler();
        if (ServingCertificate is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { ServingCertificate },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            };
        }

        return handler;
    }

    /// <summary>
    /// Writes a kubeconfig kubectl and KubernetesClient accept: one cluster (with TLS, its certificate-authority-data
    /// is the <see cref="ServingCertificate"/>), one context (namespace default), a bearer token (default: the admin
    /// token; matters only when <see cref="SimulatorRbac.Enforce"/> is on).
    /// </summary>
    public void WriteKubeconfig(string path, string token = SimulatorRbac.AdminToken) =>
        File.WriteAllText(path, Kubeconfig.Render(BaseAddress, token, ServingCertificate is null ? null : Serving.ServingCertificate.Pem(ServingCertificate)));

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
        ServingCertificate?.Dispose();
        _certificate?.Dispose();
    }
}
