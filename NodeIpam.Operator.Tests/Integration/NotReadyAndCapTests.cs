using k8s.Models;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Hosting;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>The live operator on the simulator: NotReady nodes by choice, and the stable address cap. Counted, not timed.</summary>
[TestFixture]
internal sealed class NotReadyAndCapTests
{
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp() => harness = await OperatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task A_NotReady_node_leaves_an_opted_in_service_when_its_grace_runs_out_and_heartbeats_cost_nothing()
    {
        var store = harness.Simulator.Store;
        store.Create(Node("node-a", "10.0.0.1"));
        store.Create(Node("node-b", "10.0.0.2"));
        store.Create(WithAnnotation(Service("strict"), WellKnown.ExcludeNotReadyNodesAnnotation, "true"));
        store.Create(Service("lenient"));
        await harness.StartOperatorAsync(new RunOptions { NotReadyGrace = TimeSpan.FromSeconds(5) });
        await harness.WaitForIngressAsync("strict", "10.0.0.1", "10.0.0.2");
        await harness.WaitForIngressAsync("lenient", "10.0.0.1", "10.0.0.2");
        await harness.WaitIdleAsync();
        var (writes, reconciles) = (harness.StatusWrites, harness.Reconciles);

        // node-b's kubelet stops being ready; then keeps posting heartbeats (new lastHeartbeatTime, reason, message).
        var since = DateTime.UtcNow;
        store.Upsert(WithReady(Node("node-b", "10.0.0.2"), "False", since, since));
        for (var i = 1; i <= 20; i++)
        {
            store.Upsert(WithReady(Node("node-b", "10.0.0.2"), "False", since, since.AddSeconds(i), $"heartbeat {i}"));
        }

        // No event announces the end of the grace: only the requeue the first reconcile asked for can do this.
        await harness.WaitForIngressAsync("strict", "10.0.0.1");
        await harness.WaitIdleAsync();

        harness.Ingress("lenient").Should().Equal("10.0.0.1", "10.0.0.2");
        harness.StatusWrites.Should().Be(writes + 1, "only strict changes, once");
        harness.Reconciles.Should().Be(reconciles + 2, "strict at the Ready change (within the grace: no write) and at its end; heartbeats and lenient: none");
        harness.Condition("strict")!.Message.Should().StartWith("advertising 1 address of 1 node" + IngressFingerprint.Prefix);
    }

    [Test]
    public async Task A_capped_service_keeps_its_choice_across_a_restart_and_writes_nothing()
    {
        var store = harness.Simulator.Store;
        for (var i = 1; i <= 6; i++)
        {
            store.Create(Node($"node-{i}", $"10.0.0.{i}"));
        }

        store.Create(WithAnnotation(Service("capped"), WellKnown.MaxAddressesPerFamilyAnnotation, "2"));
        store.Create(WithAnnotation(Service("typo"), WellKnown.MaxAddressesPerFamilyAnnotation, "two"));
        await harness.StartOperatorAsync();
        var uid = harness.Service("capped")!.Metadata.Uid;
        string[] expected = [.. Enumerable.Range(1, 6)
            .OrderBy(i => AddressCap.RankKey(uid, $"node-{i}"))
            .Take(2)
            .Order()
            .Select(i => $"10.0.0.{i}")];
        await harness.WaitForIngressAsync("capped", expected);
        harness.Condition("capped")!.Message.Should().StartWith("advertising 2 addresses of 6 nodes (at most 2 per family)" + IngressFingerprint.Prefix);
        await harness.WaitForIngressAsync("typo", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6");
        await harness.WaitForEventAsync("typo", nameof(PlanWarningCode.InvalidAnnotation));
        harness.Condition("typo")!.Message.Should().Contain("annotation nodeipam.io/max-addresses-per-family \"two\" is invalid");
        await harness.WaitIdleAsync();
        await harness.StopOperatorAsync();
        harness.Simulator.Requests.Reset();

        await harness.StartOperatorAsync();
        await Eventually.HoldsAsync(() => harness.Reconciles >= 2, "both Services were reconciled after the restart");
        await harness.WaitIdleAsync();

        harness.StatusWrites.Should().Be(0, "a new process ranks the nodes the same way");
        harness.Ingress("capped").Should().Equal(expected);
    }

    [Test]
    public async Task An_ingress_too_large_for_the_api_server_is_trimmed_by_rank_and_said_so()
    {
        // 250 nodes with 100 IPv6 InternalIPs each: 25,000 addresses, some 1.5 MiB written whole, which etcd refuses.
        var store = harness.Simulator.Store;
        for (var n = 0; n < 250; n++)
        {
            var node = Node($"node-{n:D3}", $"10.0.{n / 250}.{(n % 250) + 1}");
            node.Status.Addresses = [.. Enumerable.Range(1, 100).Select(a => new V1NodeAddress { Type = "InternalIP", Address = $"2001:db8:1234:5678:9abc:def0:{n + 1:x}:{a:x}" })];
            store.Create(node);
        }

        var service = Service("big");
        service.Spec.IpFamilies = ["IPv6"];
        service.Spec.IpFamilyPolicy = "SingleStack";
        store.Create(service);
        await harness.StartOperatorAsync();

        await harness.WaitForEventAsync("big", nameof(PlanWarningCode.IngressTooLarge));
        var advertised = harness.Ingress("big");
        advertised.Should().HaveCountGreaterThan(10_000).And.HaveCountLessThan(25_000);
        AddressCap.JsonBytes(advertised).Should().BeLessThanOrEqualTo(AddressCap.MaxIngressJsonBytes);
        harness.Condition("big")!.Message.Should().Contain($"{25_000 - advertised.Count:N0} addresses are left out");
    }

    private static V1Service WithAnnotation(V1Service service, string name, string value)
    {
        service.Metadata.Annotations ??= new Dictionary<string, string>();
        service.Metadata.Annotations[name] = value;
        return service;
    }

    private static V1Node WithReady(V1Node node, string status, DateTime since, DateTime heartbeat, string message = "not ready")
    {
        node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = status, LastTransitionTime = since, LastHeartbeatTime = heartbeat, Reason = "KubeletNotReady", Message = message }];
        return node;
    }
}
