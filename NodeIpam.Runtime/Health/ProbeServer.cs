using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// The process's HTTP endpoints, each its own Kestrel server with its own limits (<see cref="KestrelEndpoint"/>),
/// started before the controllers so that probes answer while caches sync: <see cref="HealthEndpoint"/> on the
/// probe address (plain HTTP, as the kubelet probes), <see cref="MetricsEndpoint"/> on the metrics address (HTTPS
/// with token review by default, see <see cref="EndpointSettings.MetricsSecure"/>). Either can be disabled.
/// Starting twice starts once, so that <c>run</c> can bind them before the host starts and report a busy port in
/// one line (<see cref="EndpointStartException"/>).
/// </summary>
internal sealed class ProbeServer(
    EndpointSettings settings,
    HealthCheckService health,
    CollectorRegistry registry,
    MetricsAuthorizer authorizer,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ProbeServer>();
    private readonly Lock _lock = new();
    private Task? _started;
    private KestrelEndpoint? _health;
    private KestrelEndpoint? _metrics;
    private MetricsCertificate? _certificate;

    /// <summary>Where /healthz and /readyz are actually served (with the real port when 0 was asked); null when disabled.</summary>
    public Uri? HealthAddress => _health?.Address;

    /// <summary>Where /metrics is actually served (https:// unless <see cref="EndpointSettings.MetricsSecure"/> is off); null when disabled.</summary>
    public Uri? MetricsAddress => _metrics?.Address;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _started ??= StartOnceAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        // Idempotent: the host stops it, and disposing it stops it too (in either order).
        if (Interlocked.Exchange(ref _metrics, null) is { } metrics)
        {
            await metrics.DisposeAsync().ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _health, null) is { } probes)
        {
            await probes.DisposeAsync().ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _certificate, null)?.Dispose();
    }

    private async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        var healthAddress = BindAddress.Parse(settings.HealthProbeBindAddress, "health probe bind address");
        var metricsAddress = BindAddress.Parse(settings.MetricsBindAddress, "metrics bind address");
        try
        {
            if (healthAddress is not null)
            {
                var endpoint = new HealthEndpoint(health, _logger);
                _health = new KestrelEndpoint(
                    "/healthz and /readyz",
                    healthAddress,
                    new EndpointLimits(RuntimeDefaults.ProbeMaxConnections, RuntimeDefaults.ProbeRequestTimeout),
                    certificate: null,
                    endpoint.HandleAsync,
                    loggerFactory);
                await _health.StartAsync(cancellationToken).ConfigureAwait(false);
                ProbeLog.Serving(_logger, "/healthz, /readyz", _health.Address!);
            }

            if (metricsAddress is not null)
            {
                _certificate = settings.MetricsSecure ? MetricsCertificate.Create(settings.MetricsCertDir, time, _logger) : null;
                var certificate = _certificate;
                var endpoint = new MetricsEndpoint(registry, settings.MetricsSecure ? authorizer : null);
                _metrics = new KestrelEndpoint(
                    "/metrics",
                    metricsAddress,
                    new EndpointLimits(RuntimeDefaults.MetricsMaxConnections, RuntimeDefaults.MetricsRequestTimeout),
                    certificate is null ? null : () => certificate.Current,
                    endpoint.HandleAsync,
                    loggerFactory);
                await _metrics.StartAsync(cancellationToken).ConfigureAwait(false);
                ProbeLog.Serving(
                    _logger,
                    settings.MetricsSecure ? "/metrics (HTTPS, token review)" : "/metrics (plain HTTP, open)",
                    _metrics.Address!);
            }
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
