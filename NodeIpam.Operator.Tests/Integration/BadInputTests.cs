using k8s;
using k8s.Models;
using NodeIpam.Operator.Caching;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>Bad input concerns only the object that carries it: a clear condition and event there, nothing disturbed elsewhere.</summary>
[TestFixture]
internal sealed class BadInputTests
{
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        harness = await OperatorHarness.StartAsync();
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.1", null, "pool=blue"));
        harness.Simulator.Store.Create(Node("node-b", "10.0.0.2", null, "pool=green"));
        harness.Simulator.Store.Create(Service("bystander"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("bystander", "10.0.0.1", "10.0.0.2");
    }

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task An_invalid_selector_keeps_the_addresses_says_why_and_is_not_retried_in_a_loop()
    {
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));
        await harness.WaitForIngressAsync("web", "10.0.0.1");

        await harness.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"metadata":{"annotations":{"io.cilium.nodeipam/match-node-labels":"pool in (blue"}}}""", V1Patch.PatchType.MergePatch),
            "web",
            OperatorHarness.Namespace);
        await harness.WaitForReasonAsync("web", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitForEventAsync("web", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitIdleAsync();

        harness.Ingress("web").Should().Equal("10.0.0.1");
        harness.Condition("web")!.Message.Should().Contain("pool in (blue");
        harness.Events("web").Single(e => e.Reason == ServiceStatusNames.InvalidSelectorReason).Type.Should().Be("Warning");
        var writes = harness.StatusWrites;

        // A node change cannot fix the selector: nothing is retried until the Service changes.
        var reconciles = harness.Reconciles;
        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.1", null, "pool=blue", "zone=x"));
        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.2", "203.0.113.2", "pool=green"));
        await harness.WaitForIngressAsync("bystander", "203.0.113.2");
        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes + 1, "only the bystander is written");
        harness.Reconciles.Should().Be(reconciles + 1, "a change of a node that does not report a kept address concerns only the bystander");
        harness.Ingress("web").Should().Equal("10.0.0.1");
    }

    [Test]
    public async Task An_invalid_selector_keeps_only_the_addresses_an_existing_eligible_node_still_reports()
    {
        harness.Simulator.Store.Create(Node("node-c", "10.0.0.3", null, "pool=blue"));
        harness.Simulator.Store.Create(Service("web", selector: "pool"));
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2", "10.0.0.3");
        await harness.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"metadata":{"annotations":{"io.cilium.nodeipam/match-node-labels":"pool in (blue"}}}""", V1Patch.PatchType.MergePatch),
            "web",
            OperatorHarness.Namespace);
        await harness.WaitForReasonAsync("web", ServiceStatusNames.InvalidSelectorReason);

        // Excluded, deleted, readdressed: each takes its address away; nothing comes back or is added.
        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.1", null, "pool=blue", "node.kubernetes.io/exclude-from-external-load-balancers="));
        await harness.WaitForIngressAsync("web", "10.0.0.2", "10.0.0.3");
        harness.Simulator.Store.Delete<V1Node>("node-b");
        await harness.WaitForIngressAsync("web", "10.0.0.3");
        harness.Simulator.Store.Upsert(Node("node-c", "10.0.0.4", null, "pool=blue"));
        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.1", null, "pool=blue"));
        await harness.WaitForIngressAsync("bystander", "10.0.0.1", "10.0.0.4");
        await harness.WaitIdleAsync();

        harness.Ingress("web").Should().BeEmpty();
        harness.Condition("web")!.Reason.Should().Be(ServiceStatusNames.InvalidSelectorReason);
        harness.Events("web").Count(e => e.Reason == ServiceStatusNames.InvalidSelectorReason).Should().Be(1, "the error did not change");
        await harness.RestartOperatorAsync(reconciles: 2);
        harness.StatusWrites.Should().Be(0);
    }

    [Test]
    public async Task Invalid_node_addresses_are_skipped_and_reported()
    {
        harness.Simulator.Store.Create(Node("node-x", "10.0.0.011", null, "pool=blue"));
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));

        await harness.WaitForIngressAsync("web", "10.0.0.1");
        await harness.WaitForEventAsync("web", "InvalidNodeAddress");
        harness.Condition("web")!.Message.Should().Contain("10.0.0.011");
        harness.Ingress("bystander").Should().Equal("10.0.0.1", "10.0.0.2");
    }

    [Test]
    public async Task Endpoints_on_unknown_nodes_are_skipped_and_reported()
    {
        harness.Simulator.Store.Create(Service("web", policy: "Local"));
        harness.Simulator.Store.Create(Slice("web-1", "web", Endpoint("node-b", "web-1"), Endpoint("ghost", "web-2")));

        await harness.WaitForIngressAsync("web", "10.0.0.2");
        await harness.WaitForEventAsync("web", "EndpointOnUnknownNode");

        // The node appears: its address is added.
        harness.Simulator.Store.Create(Node("ghost", "10.0.0.3"));
        await harness.WaitForIngressAsync("web", "10.0.0.2", "10.0.0.3");
    }

    [Test]
    public async Task A_service_with_a_thousand_ports_is_served_like_any_other()
    {
        harness.Simulator.Store.Create(Service("many-ports", ports: 1000));

        await harness.WaitForIngressAsync("many-ports", "10.0.0.1", "10.0.0.2");
    }

    [Test]
    public async Task A_64_KiB_annotation_gives_a_bounded_condition_and_event_and_disturbs_nothing()
    {
        var huge = new string('k', 64 * 1024);
        harness.Simulator.Store.Create(Service("huge", selector: huge));
        harness.Simulator.Store.Create(Service("web", selector: "pool=green"));

        await harness.WaitForReasonAsync("huge", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitForEventAsync("huge", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitForIngressAsync("web", "10.0.0.2");
        System.Text.Encoding.UTF8.GetByteCount(harness.Condition("huge")!.Message).Should().BeLessThanOrEqualTo(ServiceStatusNames.MaxConditionMessageBytes);
        harness.Events("huge").Should().OnlyContain(e => e.Note.Length <= 1024);
    }
}
