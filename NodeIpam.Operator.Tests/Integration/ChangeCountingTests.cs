using k8s.Models;
using NodeIpam.Operator.Caching;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>
/// Counted, not timed: what the operator reconciles and writes for changes that matter and for changes that do not.
/// Each test ends with a "barrier" change whose effect is known, so every earlier event has passed the watches
/// (events of one kind are delivered in order) before the counts are compared.
/// </summary>
[TestFixture]
internal sealed class ChangeCountingTests
{
    private const int Churn = 40;
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp() => harness = await OperatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task Node_heartbeats_cause_no_reconcile_and_no_write()
    {
        var store = harness.Simulator.Store;
        store.Create(Node("node-a", "10.0.0.1", null, "pool=blue"));
        store.Create(Node("node-b", "10.0.0.2", null, "pool=blue"));
        store.Create(Node("node-c", "10.0.0.3"));
        store.Create(Service("web", selector: "pool=blue"));
        store.Create(Service("local", policy: "Local"));
        store.Create(Slice("local-1", "local", Endpoint("node-a", "local-pod")));
        store.Create(Service("sentinel", selector: "sentinel=yes"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("web", "10.0.0.1", "10.0.0.2");
        await harness.WaitForIngressAsync("local", "10.0.0.1");
        await harness.WaitForReasonAsync("sentinel", "NoNodeMatchesSelector");
        await harness.WaitIdleAsync();
        var (writes, reconciles) = (harness.StatusWrites, harness.Reconciles);

        for (var i = 0; i < Churn; i++)
        {
            foreach (var name in (string[])["node-a", "node-b", "node-c"])
            {
                var node = store.Get<V1Node>(name)!;
                node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastHeartbeatTime = DateTime.UtcNow.AddSeconds(i) }];
                node.Status.Images = [new V1ContainerImage { Names = [$"registry.example/app:{i}"], SizeBytes = 1000 + i }];
                node.Status.Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity($"{i + 1}") };
                store.Upsert(node);
            }
        }

        store.Upsert(Node("node-c", "10.0.0.3", null, "sentinel=yes"));
        await harness.WaitForIngressAsync("sentinel", "10.0.0.3");
        await harness.WaitIdleAsync();

        harness.StatusWrites.Should().Be(writes + 1, "only the sentinel's status changed");
        harness.Reconciles.Should().Be(reconciles + 1, "heartbeats requeue nothing; the sentinel change requeues one Service");
    }

    [Test]
    public async Task Slice_churn_of_services_that_do_not_read_slices_causes_no_write()
    {
        var store = harness.Simulator.Store;
        store.Create(Node("node-a", "10.0.0.1"));
        store.Create(Node("node-b", "10.0.0.2"));
        store.Create(Service("local", policy: "Local"));
        store.Create(Slice("local-1", "local", Endpoint("node-a", "local-pod")));
        store.Create(Service("cluster-wide"));
        store.Create(Service("foreign", policy: "Local", loadBalancerClass: "example.com/lb"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("local", "10.0.0.1");
        await harness.WaitForIngressAsync("cluster-wide", "10.0.0.1", "10.0.0.2");
        await harness.WaitIdleAsync();
        var (writes, reconciles) = (harness.StatusWrites, harness.Reconciles);

        for (var i = 0; i < Churn; i++)
        {
            var node = i % 2 == 0 ? "node-a" : "node-b";
            store.Upsert(Slice("cluster-wide-1", "cluster-wide", Endpoint(node, $"cw-{i}", ready: i % 3 == 0)));
            store.Upsert(Slice("foreign-1", "foreign", Endpoint(node, $"f-{i}", ready: i % 3 == 0)));

            // The Local Service's own slice: pods replaced on the same node, readiness unchanged.
            store.Upsert(Slice("local-1", "local", Endpoint("node-a", $"local-pod-{i}", address: $"10.244.1.{i + 1}")));
        }

        store.Upsert(Slice("local-1", "local", Endpoint("node-b", "local-pod-moved")));
        await harness.WaitForIngressAsync("local", "10.0.0.2");
        await harness.WaitIdleAsync();

        harness.StatusWrites.Should().Be(writes + 1);
        harness.Reconciles.Should().Be(reconciles + 1);
    }

    [Test]
    public async Task A_restart_on_an_unchanged_cluster_writes_nothing()
    {
        var store = harness.Simulator.Store;
        store.Create(Node("node-a", "10.0.0.1", "203.0.113.1", "pool=blue"));
        store.Create(Node("node-b", "10.0.0.2", null, "pool=green"));
        store.Create(Node("node-x", "10.0.0.011", null, "pool=blue"));
        store.Create(Service("web", selector: "pool=blue"));
        store.Create(Service("nowhere", selector: "pool=purple"));
        store.Create(Service("broken", selector: "pool in (blue"));
        store.Create(Service("local", policy: "Local"));
        store.Create(Slice("local-1", "local", Endpoint("node-b", "local-pod"), Endpoint("ghost", "ghost-pod")));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("web", "203.0.113.1");
        await harness.WaitForReasonAsync("nowhere", "NoNodeMatchesSelector");
        await harness.WaitForReasonAsync("broken", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitForIngressAsync("local", "10.0.0.2");
        await harness.WaitIdleAsync();

        await harness.RestartOperatorAsync(reconciles: 4);

        harness.StatusWrites.Should().Be(0);
        harness.Simulator.Requests.Count(verb: "create", resource: "events").Should().Be(0, "nothing changed, so nothing is announced again");
    }

    [Test]
    public async Task A_restart_writes_nothing_when_a_condition_message_is_cut_next_to_an_emoji()
    {
        // The selector's text is quoted in the message, far beyond the 32,768-byte limit; the two Services shift
        // the emojis by one character, so one of them straddles any cut point counted in UTF-16 characters.
        var emojis = string.Concat(Enumerable.Repeat("\U0001F600", 20_000));
        var store = harness.Simulator.Store;
        store.Create(Node("node-a", "10.0.0.1"));
        store.Create(Service("even", selector: emojis));
        store.Create(Service("odd", selector: "x" + emojis));
        await harness.StartOperatorAsync();
        await harness.WaitForReasonAsync("even", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitForReasonAsync("odd", ServiceStatusNames.InvalidSelectorReason);
        await harness.WaitIdleAsync();
        System.Text.Encoding.UTF8.GetByteCount(harness.Condition("odd")!.Message).Should().BeLessThanOrEqualTo(ServiceStatusNames.MaxConditionMessageBytes);

        await harness.RestartOperatorAsync(reconciles: 2);

        harness.StatusWrites.Should().Be(0);
        harness.Simulator.Requests.Count(verb: "create", resource: "events").Should().Be(0);
    }

    [Test]
    public async Task One_relevant_label_change_writes_exactly_the_affected_services_once()
    {
        var store = harness.Simulator.Store;
        store.Create(Node("node-1", "10.0.0.1", null, "zone=a"));
        store.Create(Node("node-2", "10.0.0.2", null, "zone=b"));
        store.Create(Node("node-3", "10.0.0.3", null, "zone=c"));
        for (var i = 0; i < 3; i++)
        {
            store.Create(Service($"a-{i}", selector: "zone=a"));
            store.Create(Service($"b-{i}", selector: "zone=b"));
        }

        store.Create(Service("everywhere"));
        store.Create(Service("zoned", selector: "zone"));
        await harness.StartOperatorAsync();
        for (var i = 0; i < 3; i++)
        {
            await harness.WaitForIngressAsync($"a-{i}", "10.0.0.1");
            await harness.WaitForIngressAsync($"b-{i}", "10.0.0.2");
        }

        await harness.WaitForIngressAsync("everywhere", "10.0.0.1", "10.0.0.2", "10.0.0.3");
        await harness.WaitForIngressAsync("zoned", "10.0.0.1", "10.0.0.2", "10.0.0.3");
        await harness.WaitIdleAsync();
        var (writes, reconciles) = (harness.StatusWrites, harness.Reconciles);

        store.Upsert(Node("node-3", "10.0.0.3", null, "zone=a"));
        for (var i = 0; i < 3; i++)
        {
            await harness.WaitForIngressAsync($"a-{i}", "10.0.0.1", "10.0.0.3");
        }

        await harness.WaitIdleAsync();
        harness.StatusWrites.Should().Be(writes + 3);
        harness.Reconciles.Should().Be(reconciles + 3, "Services matching node-3 before and after are not affected by a label change");
        harness.Ingress("b-0").Should().Equal("10.0.0.2");
    }
}
