using k8s;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Hosting;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>
/// A Service that stops being ours loses what we wrote, once: our condition, and the addresses only while our
/// condition's fingerprint says they are still ours. Everyone else's conditions and addresses stay.
/// </summary>
[TestFixture]
internal sealed class OwnershipTests
{
    private const string OtherCondition =
        """{"type":"example.com/Other","status":"True","reason":"Fine","message":"another controller","lastTransitionTime":"2026-01-01T00:00:00Z"}""";

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
    public async Task A_service_that_becomes_ClusterIP_loses_our_condition_once_and_keeps_the_others()
    {
        harness.Simulator.Store.Create(Service("web"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        await PatchStatusAsync("web", $$$"""{"status":{"conditions":[{{{OtherCondition}}}]}}""");
        await harness.WaitIdleAsync();
        var writes = harness.StatusWrites;

        await harness.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"spec":{"type":"ClusterIP"}}""", V1Patch.PatchType.MergePatch), "web", OperatorHarness.Namespace);

        await Eventually.HoldsAsync(() => harness.Condition("web") is null, "our condition is removed");
        await harness.WaitForEventAsync("web", ServiceStatusNames.ReleasedReason);
        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes + 1);
        harness.Service("web")!.Status.Conditions.Select(c => c.Type).Should().Equal("example.com/Other");

        // Back to a LoadBalancer of ours: managed again.
        await harness.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"spec":{"type":"LoadBalancer","loadBalancerClass":"io.cilium/node"}}""", V1Patch.PatchType.MergePatch), "web", OperatorHarness.Namespace);
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
    }

    [Test]
    public async Task Turning_the_classless_option_off_clears_our_addresses_but_not_those_another_controller_wrote()
    {
        harness.Simulator.Store.Create(Service("mine", loadBalancerClass: null));
        harness.Simulator.Store.Create(Service("theirs", loadBalancerClass: null));
        await harness.StartOperatorAsync(new RunOptions { ManageServicesWithoutClass = true });
        await harness.WaitForIngressAsync("mine", "10.0.0.1", "10.0.0.2");
        await harness.WaitForIngressAsync("theirs", "10.0.0.1", "10.0.0.2");
        await harness.StopOperatorAsync();

        // Meanwhile a node is excluded, and another load-balancer controller takes "theirs" over.
        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.2", null, "node.kubernetes.io/exclude-from-external-load-balancers="));
        await PatchStatusAsync("theirs", """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.7","ipMode":"VIP"}]}}}""");
        harness.Simulator.Requests.Reset();
        await harness.StartOperatorAsync();

        await Eventually.HoldsAsync(() => harness.Condition("mine") is null && harness.Condition("theirs") is null, "our conditions are removed");
        await harness.WaitIdleAsync();
        harness.Ingress("mine").Should().BeEmpty("we wrote those addresses and nobody would update them any more");
        harness.Ingress("theirs").Should().Equal(["192.0.2.7"], "another controller wrote them");
        harness.StatusWrites.Should().Be(2);

        // Nothing of ours is left: a restart writes nothing (and reconciles nothing: neither Service concerns us).
        await harness.RestartOperatorAsync(reconciles: 0);
        harness.StatusWrites.Should().Be(0);
        harness.Reconciles.Should().Be(0);
    }

    [Test]
    public async Task A_service_given_to_another_class_while_we_were_down_keeps_that_controllers_addresses()
    {
        harness.Simulator.Store.Create(Service("web"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        await harness.StopOperatorAsync();

        // The class may change only through another type (it is immutable while the Service is a LoadBalancer).
        await harness.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"spec":{"type":"ClusterIP"}}""", V1Patch.PatchType.MergePatch), "web", OperatorHarness.Namespace);
        await harness.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/lb"}}""", V1Patch.PatchType.MergePatch), "web", OperatorHarness.Namespace);
        await PatchStatusAsync("web", """{"status":{"loadBalancer":{"ingress":[{"ip":"10.0.0.1","ipMode":"VIP"}]}}}""");
        harness.Simulator.Requests.Reset();
        await harness.StartOperatorAsync();

        await Eventually.HoldsAsync(() => harness.Condition("web") is null, "our condition is removed");
        await harness.WaitIdleAsync();
        harness.Ingress("web").Should().Equal(["10.0.0.1"], "the fingerprint names two addresses: these are not what we wrote");
        harness.StatusWrites.Should().Be(1);
    }

    private Task<V1Service> PatchStatusAsync(string name, string strategicMergePatch) =>
        harness.Client.CoreV1.PatchNamespacedServiceStatusAsync(
            new V1Patch(strategicMergePatch, V1Patch.PatchType.StrategicMergePatch), name, OperatorHarness.Namespace);
}
