using System.Net;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests;

/// <summary>Injected failures, latency and an unreachable server.</summary>
public sealed class SimulatorFaultsTests
{
    private const string Services = "/api/v1/namespaces/default/services";
    private FakeTimeProvider _time = null!;
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider();
        _sim = await KubeApiSimulator.StartAsync(new SimulatorOptions { TimeProvider = _time });
        _api = new RawApi(_sim);
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");
    }

    [TearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    [TestCase(409, "Conflict")]
    [TestCase(429, "TooManyRequests")]
    [TestCase(500, "InternalError")]
    [TestCase(503, "ServiceUnavailable")]
    public async Task Fail_next_answers_matching_requests_with_the_code_then_stops(int code, string reason)
    {
        _sim.Faults.FailNext(2, "patch", "services", code, subresource: "status");
        const string patch = """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}}}""";

        var (other, _) = await _api.PatchAsync(Services + "/s", """{"metadata":{"labels":{"a":"b"}}}""", "application/merge-patch+json");
        var (first, status) = await _api.PatchAsync(Services + "/s/status", patch, "application/merge-patch+json");
        var (second, _) = await _api.PatchAsync(Services + "/s/status", patch, "application/merge-patch+json");
        var (third, _) = await _api.PatchAsync(Services + "/s/status", patch, "application/merge-patch+json");

        other.Should().Be(HttpStatusCode.OK, "the rule matches only the status subresource");
        ((int)first).Should().Be(code);
        ((int)second).Should().Be(code);
        third.Should().Be(HttpStatusCode.OK);
        Json.Str(status, "reason").Should().Be(reason);
        Json.Str(status, "kind").Should().Be("Status");
    }

    [Test]
    public async Task Pause_holds_requests_until_resume()
    {
        _sim.Faults.Pause();
        var pending = _api.GetAsync(Services + "/s");
        var early = await Task.WhenAny(pending, Task.Delay(200));

        _sim.Faults.Resume();
        var (code, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        early.Should().NotBeSameAs(pending);
        code.Should().Be(HttpStatusCode.OK);
        _sim.Faults.IsPaused.Should().BeFalse();
    }

    [Test]
    public async Task Latency_delays_requests_on_the_simulators_clock()
    {
        _sim.Faults.Latency = TimeSpan.FromSeconds(2);
        var pending = _api.GetAsync(Services + "/s");
        var early = await Task.WhenAny(pending, Task.Delay(200));

        _time.Advance(TimeSpan.FromSeconds(2));
        var (code, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        early.Should().NotBeSameAs(pending);
        code.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Watch_requests_can_be_failed_too()
    {
        _sim.Faults.FailNext(1, "watch", "services", 500);

        var (code, _) = await _api.GetAsync(Services + "?watch=true");

        code.Should().Be(HttpStatusCode.InternalServerError);
    }

    [Test]
    public void Fail_next_rejects_nonsense_arguments()
    {
        _sim.Faults.Invoking(f => f.FailNext(0, "get", "services", 500)).Should().Throw<ArgumentOutOfRangeException>();
        _sim.Faults.Invoking(f => f.FailNext(1, "get", "services", 200)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public async Task Disposing_does_not_wait_for_requests_held_by_pause_or_latency()
    {
        _sim.Faults.Latency = TimeSpan.FromHours(1);
        var delayed = _api.GetAsync(Services + "/s");
        _sim.Faults.Pause();
        var paused = _api.GetAsync(Services + "/s");
        await Task.Delay(100);

        await _sim.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await delayed.Invoking(r => r.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<HttpRequestException>();
        await paused.Invoking(r => r.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<HttpRequestException>();
    }
}
