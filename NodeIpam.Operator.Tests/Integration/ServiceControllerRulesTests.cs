using k8s;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Hosting;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>The domain's rules seen through the live operator: the stored status follows every change of the cluster.</summary>
[TestFixture]
internal sealed class ServiceControllerRulesTests
{
    private OperatorHarness harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        harness = await OperatorHarness.StartAsync();
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.10", null, "pool=blue"));
        harness.Simulator.Store.Create(Node("node-b", "10.0.0.9", null, "pool=green"));
        await harness.StartOperatorAsync();
    }

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task A_managed_service_gets_every_node_address_in_numeric_order_in_VIP_mode_with_a_true_condition()
    {
        harness.Simulator.Store.Create(Service("web"));

        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");
        var service = harness.Service("web")!;
        service.Status.LoadBalancer.Ingress.Should().OnlyContain(i => i.IpMode == "VIP");
        var condition = harness.Condition("web")!;
        condition.Status.Should().Be("True");
        condition.Reason.Should().Be(ServiceStatusNames.AssignedReason);
        await harness.WaitForEventAsync("web", ServiceStatusNames.AddressesChangedReason);
        harness.Events("web").Single(e => e.Reason == ServiceStatusNames.AddressesChangedReason).Note.Should().Be("none → 10.0.0.9, 10.0.0.10");
    }

    [Test]
    public async Task External_addresses_win_over_internal_ones_and_address_changes_are_followed()
    {
        harness.Simulator.Store.Create(Service("web"));
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");

        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.10", "203.0.113.7", "pool=blue"));
        await harness.WaitForIngressAsync("web", "203.0.113.7");

        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.10", "203.0.113.8", "pool=blue"));
        await harness.WaitForIngressAsync("web", "203.0.113.8");
    }

    [Test]
    public async Task The_selector_annotation_and_node_labels_choose_the_nodes()
    {
        harness.Simulator.Store.Create(Service("web", selector: "pool=blue"));
        await harness.WaitForIngressAsync("web", "10.0.0.10");

        await PatchServiceAsync("web", """{"metadata":{"annotations":{"io.cilium.nodeipam/match-node-labels":"pool in (blue, green)"}}}""");
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");

        harness.Simulator.Store.Upsert(Node("node-b", "10.0.0.9", null, "pool=red"));
        await harness.WaitForIngressAsync("web", "10.0.0.10");

        await PatchServiceAsync("web", """{"metadata":{"annotations":{"io.cilium.nodeipam/match-node-labels":"pool=purple"}}}""");
        await harness.WaitForReasonAsync("web", "NoNodeMatchesSelector");
        harness.Ingress("web").Should().BeEmpty();
        harness.Condition("web")!.Status.Should().Be("False");
        await harness.WaitForEventAsync("web", "NoNodeMatchesSelector");
    }

    [Test]
    public async Task Excluded_and_deleted_nodes_stop_carrying_addresses()
    {
        harness.Simulator.Store.Create(Service("web"));
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");

        harness.Simulator.Store.Upsert(Node("node-a", "10.0.0.10", null, "pool=blue", "node.kubernetes.io/exclude-from-external-load-balancers="));
        await harness.WaitForIngressAsync("web", "10.0.0.9");

        var tainted = Node("node-b", "10.0.0.9", null, "pool=green");
        tainted.Spec = new V1NodeSpec { Taints = [new V1Taint { Key = "ToBeDeletedByClusterAutoscaler", Effect = "NoSchedule" }] };
        harness.Simulator.Store.Upsert(tainted);
        await harness.WaitForReasonAsync("web", "AllMatchingNodesExcluded");
        harness.Ingress("web").Should().BeEmpty();

        harness.Simulator.Store.Create(Node("node-c", "10.0.0.11"));
        await harness.WaitForIngressAsync("web", "10.0.0.11");
        harness.Simulator.Store.Delete<V1Node>("node-c");
        await harness.WaitForReasonAsync("web", "AllMatchingNodesExcluded");
    }

    [Test]
    public async Task Local_services_follow_their_ready_endpoints_and_the_traffic_policy()
    {
        harness.Simulator.Store.Create(Service("web"));
        harness.Simulator.Store.Create(Slice("web-1", "web", Endpoint("node-a", "web-pod-1")));
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");

        await PatchServiceAsync("web", """{"spec":{"externalTrafficPolicy":"Local"}}""");
        await harness.WaitForIngressAsync("web", "10.0.0.10");

        harness.Simulator.Store.Upsert(Slice("web-1", "web", Endpoint("node-a", "web-pod-1", ready: false), Endpoint("node-b", "web-pod-2")));
        await harness.WaitForIngressAsync("web", "10.0.0.9");

        harness.Simulator.Store.Upsert(Slice("web-1", "web", Endpoint("node-a", "web-pod-1", ready: false)));
        await harness.WaitForReasonAsync("web", "NoReadyEndpoints");
        harness.Ingress("web").Should().BeEmpty();

        harness.Simulator.Store.Delete<V1EndpointSlice>("web-1", OperatorHarness.Namespace);
        await harness.WaitForReasonAsync("web", "NoEndpointSlice");
        await harness.WaitForEventAsync("web", "NoEndpointSlice");

        await PatchServiceAsync("web", """{"spec":{"externalTrafficPolicy":"Cluster"}}""");
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");
    }

    [Test]
    public async Task Services_of_another_class_or_type_are_left_alone()
    {
        harness.Simulator.Store.Create(Service("other", loadBalancerClass: "example.com/lb"));
        harness.Simulator.Store.Create(Service("classless", loadBalancerClass: null));
        harness.Simulator.Store.Create(Service("web"));
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");
        await harness.WaitIdleAsync();

        harness.Service("other")!.Status?.LoadBalancer?.Ingress.Should().BeNullOrEmpty();
        harness.Service("classless")!.Status?.LoadBalancer?.Ingress.Should().BeNullOrEmpty();
        harness.Condition("other").Should().BeNull();
        harness.StatusWrites.Should().Be(1);
    }

    [Test]
    public async Task With_manage_services_without_class_a_classless_service_is_managed()
    {
        await harness.StopOperatorAsync();
        harness.Simulator.Store.Create(Service("classless", loadBalancerClass: null));
        await harness.StartOperatorAsync(new RunOptions { ManageServicesWithoutClass = true });

        await harness.WaitForIngressAsync("classless", "10.0.0.9", "10.0.0.10");
    }

    [Test]
    public async Task A_status_cleared_by_someone_else_is_restored_and_other_conditions_are_kept()
    {
        harness.Simulator.Store.Create(Service("web"));
        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");

        await harness.Client.CoreV1.PatchNamespacedServiceStatusAsync(
            new V1Patch(
                """{"status":{"loadBalancer":{"ingress":null},"conditions":[{"type":"example.com/Other","status":"True","reason":"Fine","message":"another controller","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""",
                V1Patch.PatchType.StrategicMergePatch),
            "web",
            OperatorHarness.Namespace);

        await harness.WaitForIngressAsync("web", "10.0.0.9", "10.0.0.10");
        harness.Service("web")!.Status.Conditions.Select(c => c.Type).Should().BeEquivalentTo("example.com/Other", ServiceStatusNames.ConditionType);
    }

    private Task<V1Service> PatchServiceAsync(string name, string mergePatch) =>
        harness.Client.CoreV1.PatchNamespacedServiceAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), name, OperatorHarness.Namespace);
}
