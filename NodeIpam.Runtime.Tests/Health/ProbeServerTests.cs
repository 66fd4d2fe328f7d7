using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Metrics;
using Prometheus;

namespace NodeIpam.Runtime.Tests.Health;

public sealed class ProbeServerTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Test]
    public async Task Serves_probes_and_metrics_on_separate_ports()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "127.0.0.1:0", secure: false);
        fixture.Server.MetricsAddress!.Scheme.Should().Be("http");
        fixture.Server.HealthAddress!.Port.Should().NotBe(fixture.Server.MetricsAddress!.Port);
        Prometheus.Metrics.WithCustomRegistry(fixture.Registry).CreateCounter("nodeipam_probe_test_total", "A test counter.").Inc();

        (await Http.GetAsync(new Uri(fixture.Server.HealthAddress, "/healthz"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var metrics = await Http.GetAsync(new Uri(fixture.Server.MetricsAddress, "/metrics"));
        metrics.StatusCode.Should().Be(HttpStatusCode.OK);
        metrics.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        (await metrics.Content.ReadAsStringAsync()).Should().Contain("nodeipam_probe_test_total 1\n");

        (await Http.GetAsync(new Uri(fixture.Server.HealthAddress, "/metrics"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync(new Uri(fixture.Server.MetricsAddress, "/healthz"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Readyz_is_ready_only_once_the_caches_synced()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "0");

        var notReady = await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/readyz"));
        notReady.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await notReady.Content.ReadAsStringAsync()).Should().Contain("[-]caches-synced failed").And.Contain("service");

        fixture.Controller.CachesSynced = true;
        var ready = await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/readyz"));
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("[+]caches-synced ok");
    }

    [Test]
    public async Task Healthz_fails_when_a_liveness_check_fails_and_ignores_readiness()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "0");
        (await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/healthz"))).StatusCode
            .Should().Be(HttpStatusCode.OK, "an unsynced cache is not a liveness failure");

        fixture.Live = false;
        var failing = await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/healthz"));

        failing.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await failing.Content.ReadAsStringAsync()).Should().Contain("[-]watch-progress failed: no watch progress");
    }

    [Test]
    public async Task Metrics_address_zero_disables_metrics()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "0");

        fixture.Server.MetricsAddress.Should().BeNull();
        (await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/metrics"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public void The_same_address_for_both_is_refused_at_start_up()
    {
        FluentActions.Invoking(() => new OperatorSettings { HealthProbeBindAddress = "127.0.0.1:9440", MetricsBindAddress = "127.0.0.1:9440" }.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*must differ*");
    }

    [Test]
    public async Task Other_methods_are_refused()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "0");
        (await Http.PostAsync(new Uri(fixture.Server.HealthAddress!, "/healthz"), null)).StatusCode
            .Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task Head_answers_without_a_body_and_a_malformed_request_gets_400_without_harming_the_server()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "0");
        var address = fixture.Server.HealthAddress!;

        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(address, "/healthz")));
        using var raw = new TcpClient();
        await raw.ConnectAsync(address.Host, address.Port);
        var stream = raw.GetStream();
        await stream.WriteAsync("NOT-HTTP\r\n\r\n"u8.ToArray());
        var answer = await new StreamReader(stream).ReadToEndAsync();

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        answer.Should().StartWith("HTTP/1.1 400 Bad Request\r\n");
        (await Http.GetAsync(new Uri(address, "/readyz"))).StatusCode.Should().NotBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Many_slow_clients_on_the_metrics_port_never_starve_the_probes()
    {
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "127.0.0.1:0");
        var metrics = fixture.Server.MetricsAddress!;

        // Twice the metrics server's connection budget, each stuck in the middle of its TLS handshake or headers.
        var slow = new List<TcpClient>();
        for (var i = 0; i < 2 * RuntimeDefaults.MetricsMaxConnections; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(metrics.Host, metrics.Port);
            await client.GetStream().WriteAsync(i % 2 == 0 ? new byte[] { 0x16, 0x03 } : "GET /metr"u8.ToArray());
            slow.Add(client);
        }

        var answered = 0;
        for (var i = 0; i < 30; i++)
        {
            using var probe = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                if ((await probe.GetAsync(new Uri(fixture.Server.HealthAddress!, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    answered++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }

        slow.ForEach(c => c.Dispose());
        answered.Should().Be(30, "the probes are their own server with their own connection budget");
    }

    [Test]
    public async Task A_busy_port_is_one_line_naming_the_address()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var logged = new List<string>();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(new ListLoggerProvider(logged)).SetMinimumLevel(LogLevel.Trace));
        var start = () => Fixture.StartAsync($"127.0.0.1:{port}", "0", loggers: loggers);

        var error = (await start.Should().ThrowAsync<EndpointStartException>()).Which.Message;
        error.Should().Be($"cannot serve /healthz and /readyz on 127.0.0.1:{port}: the address is already in use");
        logged.Should().NotContain(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal),
            "the exception is the one report; nothing else logs the failure");
    }

    [Test]
    public async Task An_address_the_machine_does_not_have_is_one_line()
    {
        // 192.0.2.0/24 is TEST-NET-1: documentation only, never assigned to an interface.
        var start = () => Fixture.StartAsync("127.0.0.1:0", "192.0.2.1:0");

        var error = (await start.Should().ThrowAsync<EndpointStartException>()).Which.Message;
        error.Should().StartWith("cannot serve /metrics on 192.0.2.1:0: ").And.NotContain("\n");
    }

    [Test]
    public async Task Metrics_are_https_by_default_and_a_scrape_without_a_token_gets_401_in_one_line()
    {
        await using var fixture = await Fixture.StartAsync("0", "127.0.0.1:0");
        X509Certificate2? served = null;
        using var https = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => (served = certificate as X509Certificate2 ?? new X509Certificate2(certificate!)) is not null },
        });

        var response = await https.GetAsync(new Uri(fixture.Server.MetricsAddress!, "/metrics"));

        fixture.Server.MetricsAddress!.Scheme.Should().Be("https");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Should().StartWith("Unauthorized: ").And.NotContain("\n");
        served!.Subject.Should().Be("CN=nodeipam-operator-metrics", "a self-signed certificate is made at start-up");
    }

    [Test]
    public async Task The_certificate_from_the_cert_dir_is_served_and_reloaded_when_it_changes()
    {
        var directory = Directory.CreateTempSubdirectory("metrics-cert-").FullName;
        try
        {
            WritePair(directory, "CN=first", DateTime.UtcNow.AddMinutes(-2));
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using var fixture = await Fixture.StartAsync("0", "127.0.0.1:0", certDir: directory, time: time);

            (await ServedSubjectAsync(fixture.Server.MetricsAddress!)).Should().Be("CN=first");

            WritePair(directory, "CN=second", DateTime.UtcNow);
            (await ServedSubjectAsync(fixture.Server.MetricsAddress!)).Should().Be("CN=first", "the files are looked at again only after the check interval");
            time.Advance(RuntimeDefaults.MetricsCertificateCheckInterval);
            (await ServedSubjectAsync(fixture.Server.MetricsAddress!)).Should().Be("CN=second");

            File.WriteAllText(Path.Combine(directory, "tls.key"), "not a key");
            File.SetLastWriteTimeUtc(Path.Combine(directory, "tls.key"), DateTime.UtcNow.AddMinutes(1));
            time.Advance(RuntimeDefaults.MetricsCertificateCheckInterval);
            (await ServedSubjectAsync(fixture.Server.MetricsAddress!)).Should().Be("CN=second", "a pair that cannot be read keeps the previous one");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task An_unreadable_cert_dir_stops_the_start_in_one_line()
    {
        var start = () => Fixture.StartAsync("0", "127.0.0.1:0", certDir: "/nonexistent/certs");

        (await start.Should().ThrowAsync<EndpointStartException>()).Which.Message
            .Should().StartWith("cannot read the metrics certificate from /nonexistent/certs (tls.crt, tls.key): ");
    }

    private static async Task<string> ServedSubjectAsync(Uri address)
    {
        string? subject = null;
        using var https = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => (subject = certificate!.Subject) is not null },
        });
        await https.GetAsync(new Uri(address, "/metrics"));
        return subject!;
    }

    private static void WritePair(string directory, string subject, DateTime written)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "tls.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "tls.key"), key.ExportPkcs8PrivateKeyPem());
        File.SetLastWriteTimeUtc(Path.Combine(directory, "tls.crt"), written);
        File.SetLastWriteTimeUtc(Path.Combine(directory, "tls.key"), written);
    }

    private sealed class ListLoggerProvider(List<string> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(entries, categoryName);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<string> entries, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (entries)
                {
                    entries.Add($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }

    private sealed class Fixture : IAsyncDisposable
    {
        private ServiceProvider _services = null!;

        public ProbeServer Server { get; private set; } = null!;

        public CollectorRegistry Registry { get; } = RuntimeMetrics.CreateRegistry();

        public CachesSyncedHealthCheckTests.FakeStatus Controller { get; } = new("service", synced: false);

        public volatile bool Live = true;

        public static async Task<Fixture> StartAsync(
            string health, string metrics, bool secure = true, string? certDir = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
        {
            var fixture = new Fixture();
            var collection = new ServiceCollection();
            collection.AddLogging();
            collection.AddSingleton<IControllerStatus>(fixture.Controller);
            collection.AddHealthChecks()
                .AddCheck<CachesSyncedHealthCheck>("caches-synced", tags: [HealthTags.Readiness])
                .AddCheck(
                    "watch-progress",
                    () => fixture.Live ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no watch progress"),
                    tags: [HealthTags.Liveness]);
            fixture._services = collection.BuildServiceProvider();
            var settings = new EndpointSettings(health, metrics, secure, certDir);
            time ??= TimeProvider.System;
            var authorizer = new MetricsAuthorizer(
                () => throw new InvalidOperationException("no API server in these tests"), time, NullLogger.Instance);
            fixture.Server = new ProbeServer(
                settings, fixture._services.GetRequiredService<HealthCheckService>(), fixture.Registry, authorizer, time, loggers ?? NullLoggerFactory.Instance);
            try
            {
                await fixture.Server.StartAsync(CancellationToken.None);
            }
            catch
            {
                await fixture.DisposeAsync();
                throw;
            }

            return fixture;
        }

        public async ValueTask DisposeAsync()
        {
            await Server.StopAsync(CancellationToken.None);
            await Server.DisposeAsync();
            await _services.DisposeAsync();
        }
    }
}
