using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Metrics;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// A small Kestrel endpoint, started before the controllers so that probes answer while caches sync:
/// <c>/healthz</c> (checks tagged <see cref="HealthTags.Liveness"/>), <c>/readyz</c> (checks tagged
/// <see cref="HealthTags.Readiness"/>), both 200 when every check passes (or is degraded) and 500 otherwise, with one
/// <c>[+]name ok</c> / <c>[-]name failed: reason</c> line per check as the API server's own probes print; and
/// <c>/metrics</c> (the <see cref="MetricsRegistry"/> in the Prometheus text format). The probe and metrics addresses
/// are bound separately unless they are the same address, and either can be disabled.
/// </summary>
internal sealed class ProbeServer : IHostedService, IAsyncDisposable
{
    private readonly OperatorSettings _settings;
    private readonly HealthCheckService _health;
    private readonly MetricsRegistry _registry;
    private readonly ILogger<ProbeServer> _logger;
    private readonly List<WebApplication> _apps = [];

    public ProbeServer(OperatorSettings settings, HealthCheckService health, MetricsRegistry registry, ILogger<ProbeServer> logger)
    {
        _settings = settings;
        _health = health;
        _registry = registry;
        _logger = logger;
    }

    /// <summary>Where /healthz and /readyz are actually served (with the real port when 0 was asked); null when disabled.</summary>
    public Uri? HealthAddress { get; private set; }

    /// <summary>Where /metrics is actually served; null when disabled.</summary>
    public Uri? MetricsAddress { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var health = BindAddress.Parse(_settings.HealthProbeBindAddress, "health probe bind address");
        var metrics = BindAddress.Parse(_settings.MetricsBindAddress, "metrics bind address");
        if (health is not null && health == metrics && health.Port != 0)
        {
            HealthAddress = MetricsAddress = await StartAsync(health, serveHealth: true, serveMetrics: true, cancellationToken);
            return;
        }

        if (health is not null)
        {
            HealthAddress = await StartAsync(health, serveHealth: true, serveMetrics: false, cancellationToken);
        }

        if (metrics is not null)
        {
            MetricsAddress = await StartAsync(metrics, serveHealth: false, serveMetrics: true, cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var app in _apps)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _apps.Clear();
    }

    private async Task<Uri> StartAsync(BindAddress address, bool serveHealth, bool serveMetrics, CancellationToken cancellationToken)
    {
        // An empty builder: no configuration files, no logging providers, no routing; only Kestrel and one handler.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            if (address.Address is null)
            {
                options.ListenAnyIP(address.Port);
            }
            else
            {
                options.Listen(address.Address, address.Port);
            }
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(context, serveHealth, serveMetrics));
        _apps.Add(app);
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var paths = string.Join(", ", new[] { serveHealth ? "/healthz, /readyz" : null, serveMetrics ? "/metrics" : null }.OfType<string>());
        ProbeLog.Serving(_logger, paths, bound);
        return new Uri(bound);
    }

    private async Task HandleAsync(HttpContext context, bool serveHealth, bool serveMetrics)
    {
        var path = context.Request.Path.Value;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (serveMetrics && path == "/metrics")
        {
            context.Response.ContentType = TextFormat.ContentType;
            await context.Response.WriteAsync(_registry.Export(), context.RequestAborted);
        }
        else if (serveHealth && path == "/healthz")
        {
            await WriteHealthAsync(context, HealthTags.Liveness, "/healthz");
        }
        else if (serveHealth && path == "/readyz")
        {
            await WriteHealthAsync(context, HealthTags.Readiness, "/readyz");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task WriteHealthAsync(HttpContext context, string tag, string path)
    {
        var report = await _health.CheckHealthAsync(r => r.Tags.Contains(tag), context.RequestAborted);
        var body = new StringBuilder();
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            body.Append(entry.Status == HealthStatus.Unhealthy
                ? $"[-]{name} failed: {entry.Description ?? entry.Exception?.Message ?? "unhealthy"}\n"
                : $"[+]{name} ok\n");
        }

        var healthy = report.Status != HealthStatus.Unhealthy;
        body.Append(healthy ? $"{path[1..]} check passed\n" : $"{path[1..]} check failed\n");
        if (!healthy && tag == HealthTags.Liveness)
        {
            // Not-ready is expected while caches sync; a failing liveness check is what precedes a restart.
            ProbeLog.CheckFailed(_logger, path, body.ToString().ReplaceLineEndings("; "));
        }

        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body.ToString(), context.RequestAborted);
    }
}
