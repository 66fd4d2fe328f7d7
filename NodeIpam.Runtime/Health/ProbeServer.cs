using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Hosting;
using Prometheus;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// A small HTTP endpoint (<see cref="ProbeHttp"/> on a TCP listener: no web server is loaded, which saved ~8 MB of
/// working set), started before the controllers so that probes answer while caches sync: <c>/healthz</c> (checks
/// tagged <see cref="HealthTags.Liveness"/>), <c>/readyz</c> (checks tagged <see cref="HealthTags.Readiness"/>),
/// both 200 when every check passes (or is degraded) and 500 otherwise, with one <c>[+]name ok</c> /
/// <c>[-]name failed: reason</c> line per check as the API server's own probes print; and <c>/metrics</c> (the
/// <see cref="CollectorRegistry"/> in the Prometheus text format). GET and HEAD only; one request per connection. The
/// probe and metrics addresses are bound separately unless they are the same address, and either can be disabled.
/// </summary>
internal sealed class ProbeServer : IHostedService, IAsyncDisposable
{
    private readonly OperatorSettings _settings;
    private readonly HealthCheckService _health;
    private readonly CollectorRegistry _registry;
    private readonly ILogger<ProbeServer> _logger;
    private readonly List<(TcpListener Listener, Task Loop)> _listeners = [];
    // Probes, scrapes and a person with curl: a handful at once. Beyond this, connections are refused.
    private const int MaxConnections = 32;

    // A whole exchange (read, check, write) on one connection; kubelet's default probe timeout is 1 s.
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _connections = new(MaxConnections);
    private int _stopped;

    public ProbeServer(OperatorSettings settings, HealthCheckService health, CollectorRegistry registry, ILogger<ProbeServer> logger)
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

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var health = BindAddress.Parse(_settings.HealthProbeBindAddress, "health probe bind address");
        var metrics = BindAddress.Parse(_settings.MetricsBindAddress, "metrics bind address");
        if (health is not null && health == metrics && health.Port != 0)
        {
            HealthAddress = MetricsAddress = Listen(health, serveHealth: true, serveMetrics: true);
            return Task.CompletedTask;
        }

        if (health is not null)
        {
            HealthAddress = Listen(health, serveHealth: true, serveMetrics: false);
        }

        if (metrics is not null)
        {
            MetricsAddress = Listen(metrics, serveHealth: false, serveMetrics: true);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Idempotent: the host stops it, and disposing it stops it too (in either order).
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var (listener, loop) in _listeners)
        {
            listener.Stop();
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _listeners.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();

        // _connections is not disposed: a connection still finishing may release it after this.
    }

    private Uri Listen(BindAddress address, bool serveHealth, bool serveMetrics)
    {
        var listener = address.Address is { } ip ? new TcpListener(ip, address.Port) : TcpListener.Create(address.Port);
        listener.Start();
        var bound = (IPEndPoint)listener.LocalEndpoint;
        var host = bound.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound.Address}]" : bound.Address.ToString();
        var uri = new Uri($"http://{host}:{bound.Port}");
        _listeners.Add((listener, Task.Run(() => AcceptAsync(listener, serveHealth, serveMetrics))));
        var paths = string.Join(", ", new[] { serveHealth ? "/healthz, /readyz" : null, serveMetrics ? "/metrics" : null }.OfType<string>());
        var shown = uri.ToString().TrimEnd('/');
        ProbeLog.Serving(_logger, paths, shown);
        return uri;
    }

    private async Task AcceptAsync(TcpListener listener, bool serveHealth, bool serveMetrics)
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // A connection reset while queued, or no file descriptors left: keep accepting (a dead /healthz
                // would get the pod restarted), after a pause so an exhausted process is not spun on.
                ProbeLog.AcceptFailed(_logger, e.SocketErrorCode.ToString());
                try
                {
                    await Task.Delay(AcceptRetryDelay, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (!_connections.Wait(0))
            {
                // More slow clients than probes and scrapes ever need at once: refuse rather than pile up.
                client.Dispose();
                continue;
            }

            _ = ServeAsync(client, serveHealth, serveMetrics);
        }
    }

    // One request, one response, then the connection is closed, all within ConnectionTimeout. A client that
    // misbehaves, or an exception while answering, only loses that connection.
    private async Task ServeAsync(TcpClient client, bool serveHealth, bool serveMetrics)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(ConnectionTimeout);
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                if (await ProbeHttp.ReadRequestAsync(stream, timeout.Token).ConfigureAwait(false) is not var (method, path))
                {
                    await ProbeHttp.WriteResponseAsync(stream, 400, "Bad Request", "text/plain", string.Empty, withBody: false, timeout.Token).ConfigureAwait(false);
                    return;
                }

                var (status, reason, contentType, body) = method is "GET" or "HEAD"
                    ? await RespondAsync(path, serveHealth, serveMetrics, timeout.Token).ConfigureAwait(false)
                    : (405, "Method Not Allowed", "text/plain", string.Empty);
                await ProbeHttp.WriteResponseAsync(stream, status, reason, contentType, body, method != "HEAD", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            ProbeLog.RequestFailed(_logger, e);
        }
        finally
        {
            _connections.Release();
        }
    }

    private async Task<(int Status, string Reason, string ContentType, string Body)> RespondAsync(
        string path, bool serveHealth, bool serveMetrics, CancellationToken cancellationToken)
    {
        if (serveMetrics && path == "/metrics")
        {
            using var text = new MemoryStream();
            await _registry.CollectAndExportAsTextAsync(text, cancellationToken).ConfigureAwait(false);
            return (200, "OK", "text/plain; version=0.0.4; charset=utf-8", Encoding.UTF8.GetString(text.ToArray()));
        }

        if (serveHealth && path is "/healthz" or "/readyz")
        {
            var (healthy, body) = await CheckAsync(path == "/healthz" ? HealthTags.Liveness : HealthTags.Readiness, path, cancellationToken).ConfigureAwait(false);
            return healthy ? (200, "OK", "text/plain; charset=utf-8", body) : (500, "Internal Server Error", "text/plain; charset=utf-8", body);
        }

        return (404, "Not Found", "text/plain", string.Empty);
    }

    private async Task<(bool Healthy, string Body)> CheckAsync(string tag, string path, CancellationToken cancellationToken)
    {
        var report = await _health.CheckHealthAsync(r => r.Tags.Contains(tag), cancellationToken).ConfigureAwait(false);
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

        return (healthy, body.ToString());
    }
}
