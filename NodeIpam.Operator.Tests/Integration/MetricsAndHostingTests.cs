using NodeIpam.Operator.Hosting;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>What the running process exposes: /metrics with the operator's figures, and leader election.</summary>
[TestFixture]
internal sealed class MetricsAndHostingTests
{
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        harness = await OperatorHarness.StartAsync();
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.1"));
        harness.Simulator.Store.Create(Node("node-b", "10.0.0.2"));
    }

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task Metrics_show_managed_services_advertised_addresses_and_writes_beside_the_runtime_ones()
    {
        harness.Simulator.Store.Create(Service("web"));
        harness.Simulator.Store.Create(Service("nowhere", selector: "pool=none"));
        harness.Simulator.Store.Create(Service("other", loadBalancerClass: "example.com/lb"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        await harness.WaitForReasonAsync("nowhere", "NoNodeMatchesSelector");
        await harness.WaitIdleAsync();

        string metrics = string.Empty;
        await Eventually.HoldsAsync(
            async () => (metrics = await harness.ScrapeMetricsAsync()).Contains("nodeipam_advertised_addresses 2", StringComparison.Ordinal),
            () => $"the gauges caught up:\n{metrics}");

        metrics.Should().Contain("nodeipam_managed_services 2");
        metrics.Should().Contain("nodeipam_status_writes_total{result=\"success\"} 2");
        metrics.Should().Contain("controller_runtime_reconcile_total{controller=\"service\"");
        metrics.Should().Contain("rest_client_requests_total");

        harness.Simulator.Store.Delete<k8s.Models.V1Service>("web", OperatorHarness.Namespace);
        await Eventually.HoldsAsync(
            async () => (metrics = await harness.ScrapeMetricsAsync()).Contains("nodeipam_managed_services 1", StringComparison.Ordinal),
            () => $"a deleted Service leaves the gauges:\n{metrics}");
        metrics.Should().Contain("nodeipam_advertised_addresses 0");
    }

    [Test]
    public async Task With_leader_election_the_operator_takes_the_lease_and_writes()
    {
        harness.Simulator.Store.Create(Service("web"));
        await harness.StartOperatorAsync(new RunOptions { LeaderElect = true, LeaderElectionNamespace = OperatorHarness.Namespace });

        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        harness.Simulator.Store.Get<k8s.Models.V1Lease>(RunOptions.LeaseName, OperatorHarness.Namespace)!.Spec.HolderIdentity.Should().NotBeNullOrEmpty();
    }
}
