using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NodeIpam.Simulator.Tests;

/// <summary>Typed round trips through KubernetesClient, seeding through the store, kubeconfig and request counters.</summary>
public sealed class KubeApiSimulatorTests
{
    private KubeApiSimulator _sim = null!;
    private Kubernetes _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _client = new Kubernetes(_sim.ClientConfiguration());
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    private static V1Service LoadBalancer(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 80 }] },
    };

    [Test]
    public async Task A_typed_service_round_trips_with_defaults_and_a_status_patch()
    {
        var created = await _client.CoreV1.CreateNamespacedServiceAsync(LoadBalancer("typed"), "default");
        var patch = new V1Patch("""{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.10"}]}}}""", V1Patch.PatchType.MergePatch);
        var patched = await _client.CoreV1.PatchNamespacedServiceStatusAsync(patch, "typed", "default");
        var listed = await _client.CoreV1.ListNamespacedServiceAsync("default");

        created.Spec.ClusterIP.Should().NotBeNullOrEmpty();
        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        patched.Status.LoadBalancer.Ingress.Should().ContainSingle().Which.IpMode.Should().Be("VIP");
        listed.Items.Should().ContainSingle(s => s.Metadata.Name == "typed");
        listed.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task A_typed_watch_sees_objects_seeded_directly_through_the_store()
    {
        var events = new List<(WatchEventType, string)>();
        var seen = new TaskCompletionSource();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var list = await _client.CoreV1.ListNodeAsync();
        var watchTask = Task.Run(async () =>
        {
            await foreach (var (type, node) in _client.CoreV1.WatchListNodeAsync(resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token))
            {
                events.Add((type, node.Metadata.Name));
                if (events.Count == 2)
                {
                    seen.TrySetResult();
                    return;
                }
            }
        }, cts.Token);
        await Task.Delay(100, cts.Token);

        _sim.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "seeded" }, Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Address = "192.0.2.1", Type = "InternalIP" }] } });
        _sim.Store.Delete<V1Node>("seeded");
        await seen.Task.WaitAsync(cts.Token);
        await watchTask;

        events.Should().Equal((WatchEventType.Added, "seeded"), (WatchEventType.Deleted, "seeded"));
    }

    [Test]
    public void Seeding_keeps_status_and_reads_back_typed_objects()
    {
        _sim.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "n" }, Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Address = "192.0.2.1", Type = "ExternalIP" }] } });
        var svc = LoadBalancer("seeded-lb");
        svc.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.2" }] } };
        _sim.Store.Upsert(svc);
        svc.Metadata.Labels = new Dictionary<string, string> { ["v"] = "2" };
        var updated = _sim.Store.Upsert(svc);

        _sim.Store.Get<V1Node>("n")!.Status.Addresses.Should().ContainSingle().Which.Address.Should().Be("192.0.2.1");
        updated.Metadata.Labels.Should().ContainKey("v");
        updated.Status.LoadBalancer.Ingress.Should().ContainSingle().Which.IpMode.Should().Be("VIP");
        _sim.Store.List<V1Service>("default").Should().ContainSingle();
        _sim.Invoking(s => s.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "n" } }))
            .Should().Throw<InvalidOperationException>().WithMessage("409 AlreadyExists*");
    }

    [Test]
    public async Task A_typed_conflict_surfaces_as_409()
    {
        var created = await _client.CoreV1.CreateNamespacedServiceAsync(LoadBalancer("conflict"), "default");
        await _client.CoreV1.PatchNamespacedServiceAsync(new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch), "conflict", "default");

        var act = () => _client.CoreV1.ReplaceNamespacedServiceAsync(created, "conflict", "default");

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Request_counters_group_by_verb_resource_subresource_and_user_agent()
    {
        await _client.CoreV1.CreateNamespacedServiceAsync(LoadBalancer("counted"), "default");
        await _client.CoreV1.PatchNamespacedServiceStatusAsync(new V1Patch("""{"status":{}}""", V1Patch.PatchType.MergePatch), "counted", "default");
        await _client.CoreV1.ReadNamespacedServiceAsync("counted", "default");
        using var http = new HttpClient { BaseAddress = _sim.BaseAddress };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("nodeipam-test/1.0");
        (await http.GetAsync(new Uri("api/v1/namespaces/default/services/counted", UriKind.Relative))).EnsureSuccessStatusCode();

        _sim.Requests.Count(verb: "patch", resource: "services", subresource: "status").Should().Be(1);
        _sim.Requests.Count(verb: "patch", resource: "services", subresource: "").Should().Be(0);
        _sim.Requests.Count(verb: "create").Should().Be(1);
        _sim.Requests.Count(resource: "services").Should().Be(4);
        _sim.Requests.Count(verb: "get", userAgent: "nodeipam-test").Should().Be(1);
        _sim.Requests.Reset();
        _sim.Requests.Count().Should().Be(0);
    }

    [Test]
    public void The_kubeconfig_points_at_the_simulator()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.kubeconfig");
        try
        {
            _sim.WriteKubeconfig(path);
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

            config.Host.Should().Be(_sim.BaseAddress.ToString().TrimEnd('/'));
            config.Namespace.Should().Be("default");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Invalid_options_are_rejected_at_start()
    {
        var act = () => KubeApiSimulator.StartAsync(new SimulatorOptions { WatchHistorySize = 0 });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }
}
