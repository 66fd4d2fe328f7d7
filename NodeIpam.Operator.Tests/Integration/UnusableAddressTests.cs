using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>The live operator never advertises a node address that cannot receive traffic, and says so.</summary>
[TestFixture]
internal sealed class UnusableAddressTests
{
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp() => harness = await OperatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task Loopback_and_unspecified_addresses_are_skipped_with_a_warning_event_and_a_restart_writes_nothing()
    {
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.1"));
        harness.Simulator.Store.Create(Node("node-lo", "127.0.0.1"));

        // An unusable ExternalIP does not count: IPv4 keeps using the InternalIPs.
        harness.Simulator.Store.Create(Node("node-zero", "10.0.0.3", "0.0.0.0"));
        harness.Simulator.Store.Create(Service("web"));
        await harness.StartOperatorAsync();

        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.3");
        await harness.WaitForEventAsync("web", "UnusableNodeAddress");
        harness.Condition("web")!.Message.Should().Contain("127.0.0.1").And.Contain("0.0.0.0").And.Contain("cannot receive traffic");
        await harness.WaitIdleAsync();
        var writes = harness.StatusWrites;

        await harness.StopOperatorAsync();
        await harness.StartOperatorAsync();
        await harness.WaitIdleAsync();

        harness.StatusWrites.Should().Be(writes);
        harness.Ingress("web").Should().Equal("10.0.0.1", "10.0.0.3");
    }
}
