using System.Text.Json.Nodes;
using k8s.Models;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Kubectl;

/// <summary>Real kubectl reading from the simulator: default tables, -o wide, json, yaml, watch.</summary>
public sealed class KubectlReadTests
{
    private KubeApiSimulator _sim = null!;
    private Support.Kubectl _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _kubectl = new Support.Kubectl(_sim);
        _sim.Store.Create(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "worker-1", Labels = new Dictionary<string, string> { ["node-role.kubernetes.io/worker"] = "" } },
            Status = new V1NodeStatus
            {
                Addresses = [new V1NodeAddress { Type = "InternalIP", Address = "10.0.0.1" }, new V1NodeAddress { Type = "ExternalIP", Address = "203.0.113.1" }],
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
                NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.32.0", OsImage = "Debian", KernelVersion = "6.1", ContainerRuntimeVersion = "containerd://1.7", Architecture = "amd64", BootID = "b", MachineID = "m", OperatingSystem = "linux", KubeProxyVersion = "", SystemUUID = "u" },
            },
        });
        _sim.Store.Create(Service("pending", null));
        _sim.Store.Create(Service("served", ["203.0.113.1", "203.0.113.2"]));
        _sim.Store.CreateJson("""{"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"served-abc","namespace":"default","labels":{"kubernetes.io/service-name":"served"}},"addressType":"IPv4","endpoints":[{"addresses":["10.1.0.1"]},{"addresses":["10.1.0.2"]}],"ports":[{"port":8080}]}""");
        _sim.Store.CreateJson("""{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"nodeipam-leader","namespace":"kube-system"},"spec":{"holderIdentity":"pod-a"}}""");
        _sim.Store.CreateJson("""{"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"served.1","namespace":"default"},"eventTime":"2026-01-01T00:00:00.000000Z","reportingController":"nodeipam","reportingInstance":"pod-a","action":"Assign","reason":"AddressesAssigned","type":"Normal","note":"assigned 203.0.113.1","regarding":{"kind":"Service","name":"served","namespace":"default"}}""");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl.Dispose();
        await _sim.DisposeAsync();
    }

    private static V1Service Service(string name, string[]? ingress) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1ServiceSpec { Type = "LoadBalancer", Selector = new Dictionary<string, string> { ["app"] = name }, Ports = [new V1ServicePort { Port = 80 }] },
        Status = ingress is null ? null : new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [.. ingress.Select(ip => new V1LoadBalancerIngress { Ip = ip })] } },
    };

    private static string[] Row(string table, string name) =>
        table.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(cells => cells.Length > 0 && cells[0] == name);

    [Test]
    public async Task Get_services_prints_the_service_columns_with_ingress_ips_or_pending()
    {
        var table = await _kubectl.OkAsync("get", "services");

        table.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE");
        Row(table, "served")[3].Should().Be("203.0.113.1,203.0.113.2", "the API server prints tables wide, so the list is not cut");
        Row(table, "pending")[3].Should().Be("<pending>");
        Row(table, "served")[4].Should().MatchRegex("^80:3[0-9]{4}/TCP$");
    }

    [Test]
    public async Task Get_services_wide_adds_the_selector()
    {
        var table = await _kubectl.OkAsync("get", "svc", "-o", "wide");

        table.Split('\n')[0].Should().EndWith("SELECTOR");
        Row(table, "served")[3].Should().Be("203.0.113.1,203.0.113.2");
        Row(table, "served")[^1].Should().Be("app=served");
    }

    [Test]
    public async Task Get_all_lists_the_services_through_the_all_category()
    {
        var table = await _kubectl.OkAsync("get", "all");

        table.Should().Contain("service/served").And.Contain("service/pending");
    }

    [Test]
    public async Task Get_nodes_prints_status_roles_version_and_addresses_when_wide()
    {
        var table = await _kubectl.OkAsync("get", "nodes", "-o", "wide");

        Row(table, "worker-1")[1..3].Should().Equal("Ready", "worker");
        Row(table, "worker-1")[4..7].Should().Equal("v1.32.0", "10.0.0.1", "203.0.113.1");
    }

    [Test]
    public async Task Get_endpointslices_leases_and_events_print_their_columns()
    {
        var slices = await _kubectl.OkAsync("get", "endpointslices");
        var leases = await _kubectl.OkAsync("get", "leases", "-n", "kube-system");
        var events = await _kubectl.OkAsync("get", "events.events.k8s.io");

        Row(slices, "served-abc")[1..4].Should().Equal("IPv4", "8080", "10.1.0.1,10.1.0.2");
        Row(leases, "nodeipam-leader")[1].Should().Be("pod-a");
        events.Should().Contain("AddressesAssigned").And.Contain("service/served").And.Contain("assigned 203.0.113.1");
    }

    [Test]
    public async Task Get_json_and_yaml_return_the_stored_object()
    {
        var json = JsonNode.Parse(await _kubectl.OkAsync("get", "svc", "served", "-o", "json"))!;
        var yaml = await _kubectl.OkAsync("get", "svc", "served", "-o", "yaml");

        Json.Str(json, "status.loadBalancer.ingress.1.ip").Should().Be("203.0.113.2");
        Json.Str(json, "metadata.uid").Should().NotBeNullOrEmpty();
        yaml.Should().Contain("ipMode: VIP").And.Contain("kind: Service");
    }

    [Test]
    public async Task Get_watch_prints_the_current_rows_then_changes()
    {
        using var process = _kubectl.Start("get", "services", "-w", "--no-headers");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var lines = new List<string>();
            while (lines.Count < 2)
            {
                lines.Add(await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("kubectl ended"));
            }

            var svc = _sim.Store.Get<V1Service>("pending")!;
            svc.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "198.51.100.9" }] } };
            _sim.Store.UpdateStatus(svc);
            var change = await process.StandardOutput.ReadLineAsync(cts.Token);

            change.Should().StartWith("pending").And.Contain("198.51.100.9");
        }
        finally
        {
            process.Kill();
            _sim.Store.UpdateStatus(Service("pending", null));
        }
    }
}
