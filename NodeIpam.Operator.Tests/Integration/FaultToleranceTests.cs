using NodeIpam.Operator.Metrics;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>API server faults: the statuses converge afterwards, and nothing is written more often than needed.</summary>
[TestFixture]
internal sealed class FaultToleranceTests
{
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        harness = await OperatorHarness.StartAsync();
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.1", null, "pool=blue"));
        harness.Simulator.Store.Create(Node("node-b", "10.0.0.2", null, "pool=green"));
        await harness.StartOperatorAsync();
    }

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [TestCase(409, OperatorMetrics.WriteConflicted)]
    [TestCase(500, OperatorMetrics.WriteFailed)]
    [TestCase(429, OperatorMetrics.WriteFailed)]
    public async Task Failing_status_writes_are_retried_until_one_succeeds(int code, string result)
    {
        const int Failures = 3;
        harness.Simulator.Faults.FailNext(Failures, "patch", "services", code, "status");
        harness.Simulator.Store.Create(Service("web"));

        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        await harness.WaitIdleAsync();

        harness.StatusWrites.Should().Be(Failures + 1);
        var metrics = await harness.ScrapeMetricsAsync();
        metrics.Should().Contain($"nodeipam_status_writes_total{{result=\"{result}\"}} {Failures}");
        metrics.Should().Contain("nodeipam_status_writes_total{result=\"success\"} 1");
    }

    [Test]
    public async Task Changes_made_while_watches_are_down_and_history_is_compacted_are_not_lost()
    {
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));
        await harness.WaitForIngressAsync("web", "10.0.0.1");
        await harness.WaitIdleAsync();
        var successes = await SuccessfulWritesAsync();

        // The watches end and cannot reconnect; meanwhile two nodes change and the history is compacted, so the
        // informers must relist (410) to see them.
        harness.Simulator.Faults.Pause();
        harness.Simulator.Faults.CloseAllWatches();
        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.2", null, "pool=blue"));
        harness.Simulator.Store.Delete<k8s.Models.V1Node>("node-a");
        harness.Simulator.Faults.CompactHistory();
        harness.Simulator.Faults.Resume();

        await harness.WaitForIngressAsync("web", "10.0.0.2");
        await harness.WaitIdleAsync();
        (await SuccessfulWritesAsync()).Should().BeInRange(successes + 1, successes + 2, "a relist may deliver the two changes one by one");

        // The same fault when nothing relevant changed (a node no Service selects appears): nothing is written.
        var writes = harness.StatusWrites;
        var lists = harness.Simulator.Requests.Count(verb: "list", resource: "nodes");
        harness.Simulator.Faults.CompactHistory();
        harness.Simulator.Faults.CloseAllWatches();
        harness.Simulator.Store.Create(Node("node-c", "10.0.0.3", null, "pool=red"));
        await Eventually.HoldsAsync(
            () => harness.Simulator.Requests.Count(verb: "list", resource: "nodes") > lists,
            "the node informer relisted");
        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes);
        harness.Ingress("web").Should().Equal("10.0.0.2");
    }

    [Test]
    public async Task While_the_services_watch_fails_a_service_waiting_for_its_own_write_does_not_spin()
    {
        foreach (var name in (string[])["a", "b", "c"])
        {
            harness.Simulator.Store.Create(Service(name));
            await harness.WaitForIngressAsync(name, "10.0.0.1", "10.0.0.2");
        }

        await harness.WaitIdleAsync();
        var faults = harness.Simulator.Faults;
        faults.FailNext(10_000, "list", "services", 500);
        faults.FailNext(10_000, "watch", "services", 500);
        faults.CloseAllWatches();
        var writes = harness.StatusWrites;

        // Each Service is written; the cache never sees it. A second change requeues them while the cache is behind.
        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.5", null, "pool=blue"));
        await Eventually.HoldsAsync(() => harness.StatusWrites == writes + 3, "the three Services were written");
        var reconciles = harness.Reconciles;
        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.6", null, "pool=blue"));
        var watches = harness.Simulator.Requests.Count(verb: "watch", resource: "services");
        await Eventually.HoldsAsync(
            () => harness.Simulator.Requests.Count(verb: "watch", resource: "services") >= watches + 2,
            "the Services watch failed twice more (its backoff: at least 0.8 s, then 1.6 s)");

        harness.Reconciles.Should().BeLessThan(reconciles + 15, "each Service waits for its echo (50 ms polling made over 100 here)");
        harness.StatusWrites.Should().Be(writes + 3, "nothing is decided from the stale cache");

        faults.ClearFailures();
        foreach (var name in (string[])["a", "b", "c"])
        {
            await harness.WaitForIngressAsync(name, "10.0.0.2", "10.0.0.6");
        }

        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes + 6);
    }

    private async Task<double> SuccessfulWritesAsync()
    {
        var metrics = await harness.ScrapeMetricsAsync();
        var line = metrics.Split('\n').Single(l => l.StartsWith("nodeipam_status_writes_total{result=\"success\"}", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task A_paused_api_server_delays_the_write_which_happens_once_on_resume()
    {
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));
        await harness.WaitForIngressAsync("web", "10.0.0.1");
        await harness.WaitIdleAsync();
        var writes = harness.StatusWrites;

        harness.Simulator.Faults.Pause();
        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.2", null, "pool=blue"));
        await Eventually.HoldsAsync(() => harness.ActiveWorkers == 1, "the reconcile waits on the paused API server");
        harness.StatusWrites.Should().Be(writes, "no write got through while paused");
        harness.Simulator.Faults.Resume();

        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes + 1);
    }
}
