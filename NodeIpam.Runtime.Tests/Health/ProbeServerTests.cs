using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
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
        await using var fixture = await Fixture.StartAsync("127.0.0.1:0", "127.0.0.1:0");
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
    public async Task The_same_address_for_both_serves_everything_on_one_listener()
    {
        var port = FreePort();
        await using var fixture = await Fixture.StartAsync($"127.0.0.1:{port}", $"127.0.0.1:{port}");

        fixture.Server.HealthAddress.Should().Be(fixture.Server.MetricsAddress);
        (await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/healthz"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Http.GetAsync(new Uri(fixture.Server.HealthAddress!, "/metrics"))).StatusCode.Should().Be(HttpStatusCode.OK);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Fixture : IAsyncDisposable
    {
        private ServiceProvider _services = null!;

        public ProbeServer Server { get; private set; } = null!;

        public CollectorRegistry Registry { get; } = RuntimeMetrics.CreateRegistry();

        public CachesSyncedHealthCheckTests.FakeStatus Controller { get; } = new("service", synced: false);

        public volatile bool Live = true;

        public static async Task<Fixture> StartAsync(string health, string metrics)
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
            var settings = new OperatorSettings { HealthProbeBindAddress = health, MetricsBindAddress = metrics };
            fixture.Server = new ProbeServer(
                settings, fixture._services.GetRequiredService<HealthCheckService>(), fixture.Registry, NullLogger<ProbeServer>.Instance);
            await fixture.Server.StartAsync(CancellationToken.None);
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
