using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Hosting;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime.Hosting;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>Two replicas with leader election: only the leader writes; a standby takes over without rewriting anything.</summary>
[TestFixture]
internal sealed class LeaderElectionTests
{
    private static readonly RunOptions Elected = new() { LeaderElect = true, LeaderElectionNamespace = OperatorHarness.Namespace };

    [Test]
    public async Task Only_the_leader_writes_and_a_standby_takes_over_without_rewriting()
    {
        await using var harness = await OperatorHarness.StartAsync();
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.1", null, "pool=blue"));
        harness.Simulator.Store.Create(Node("node-b", "10.0.0.2", null, "pool=green"));
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));
        await harness.StartOperatorAsync(Elected);
        await harness.WaitForIngressAsync("web", "10.0.0.1");

        var standbyOptions = Elected with { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "127.0.0.1:0" };
        using var standby = OperatorHost.Build(
            standbyOptions,
            standbyOptions.ToSettings(harness.Simulator.ClientConfiguration()),
            logging => logging.ClearProviders());
        await standby.StartAsync();
        var standbyController = standby.Services.GetRequiredService<ControllerHost<ServiceController, CachedService>>();
        var standbyWrites = standby.Services.GetRequiredService<OperatorMetrics>().StatusWrites(OperatorMetrics.WriteSucceeded);
        await Eventually.HoldsAsync(() => standbyController.State == ControllerHostState.WaitingForLeadership, "the standby synced and waits");

        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.2", null, "pool=blue"));
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        standbyWrites.Value.Should().Be(0, "a standby never writes");

        // The leader stops cleanly and releases the lease; the standby leads, finds everything up to date.
        await harness.StopOperatorAsync();
        await Eventually.HoldsAsync(() => standbyController.State == ControllerHostState.Running, "the standby took over");
        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.1", null, "pool=green"));
        await harness.WaitForIngressAsync("web", "10.0.0.2");

        // The watch can show the write before the writer has its response and counts it.
        await Eventually.HoldsAsync(() => standbyWrites.Value >= 1, "the new leader counted its write");
        standbyWrites.Value.Should().Be(1, "the take-over rewrote nothing; only the new change was written");

        await standby.StopAsync();
    }
}
