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
    public async Task Closed_watches_and_compacted_history_lose_no_change()
    {
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));
        await harness.WaitForIngressAsync("web", "10.0.0.1");
        await harness.WaitIdleAsync();
        var writes = harness.StatusWrites;

        harness.Simulator.Faults.CompactHistory();
        harness.Simulator.Faults.CloseAllWatches();
        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.2", null, "pool=blue"));
        harness.Simulator.Store.Delete<k8s.Models.V1Node>("node-a");

        await harness.WaitForIngressAsync("web", "10.0.0.2");
        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes + 1, "the relist after 410 finds both changes; one write carries them");
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
