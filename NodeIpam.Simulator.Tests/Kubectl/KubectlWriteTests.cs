using System.Text.Json.Nodes;
using k8s.Models;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Kubectl;

/// <summary>Real kubectl writing to the simulator: create, apply, label, annotate, patch, delete, wait, kustomize.</summary>
public sealed class KubectlWriteTests
{
    private KubeApiSimulator _sim = null!;
    private Support.Kubectl _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _kubectl = new Support.Kubectl(_sim);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl.Dispose();
        await _sim.DisposeAsync();
    }

    private static string ServiceYaml(string name, int secondPort) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
          labels:
            app: {name}
        spec:
          type: LoadBalancer
          selector:
            app: {name}
          ports:
          - name: http
            port: 80
          - name: https
            port: {secondPort}
        """;

    private async Task<JsonNode> GetJsonAsync(params string[] args) =>
        JsonNode.Parse(await _kubectl.OkAsync([.. args, "-o", "json"]))!;

    [Test]
    public async Task Create_from_a_file_then_apply_twice_updates_through_a_strategic_merge_patch()
    {
        var file = _kubectl.WriteFile("apply.yaml", ServiceYaml("applied", 443));
        await _kubectl.OkAsync("create", "-f", file, "--save-config");
        (await _kubectl.OkAsync("apply", "-f", file)).Should().Contain("unchanged");

        _kubectl.WriteFile("apply.yaml", ServiceYaml("applied", 8443));
        var (exit, output, trace) = await _kubectl.RunAsync("apply", "-f", file, "-v=8");
        var svc = await GetJsonAsync("get", "svc", "applied");

        exit.Should().Be(0, trace);
        output.Should().Contain("service/applied configured");
        trace.Should().Contain("application/strategic-merge-patch+json").And.Contain("$setElementOrder/ports");
        svc["spec"]!["ports"]!.AsArray().Select(p => Json.Str(p, "port")).Should().Equal("80", "8443");
        Json.Str(svc, "metadata.annotations").Should().Contain("kubectl.kubernetes.io/last-applied-configuration");
    }

    [Test]
    public async Task Apply_creates_a_missing_object_and_records_the_last_applied_configuration()
    {
        var file = _kubectl.WriteFile("fresh.yaml", ServiceYaml("fresh", 443));

        (await _kubectl.OkAsync("apply", "-f", file)).Should().Contain("service/fresh created");

        var annotations = _sim.Store.Get<V1Service>("fresh")!.Metadata.Annotations;
        annotations.Should().ContainKey("kubectl.kubernetes.io/last-applied-configuration");
        annotations["kubectl.kubernetes.io/last-applied-configuration"].Should().Contain("\"port\":443");
    }

    [Test]
    public async Task Label_annotate_and_the_three_patch_types_change_the_object()
    {
        await _kubectl.OkAsync("apply", "-f", _kubectl.WriteFile("edit.yaml", ServiceYaml("edited", 443)));

        await _kubectl.OkAsync("label", "svc", "edited", "tier=front");
        await _kubectl.OkAsync("annotate", "svc", "edited", "note=hello");
        await _kubectl.OkAsync("patch", "svc", "edited", "--type", "merge", "-p", """{"metadata":{"labels":{"merge":"yes"}}}""");
        await _kubectl.OkAsync("patch", "svc", "edited", "--type", "json", "-p", """[{"op":"replace","path":"/spec/externalTrafficPolicy","value":"Local"}]""");
        await _kubectl.OkAsync("patch", "svc", "edited", "--type", "strategic", "-p", """{"spec":{"ports":[{"name":"http","port":80,"targetPort":8080}]}}""");
        await _kubectl.OkAsync("label", "svc", "edited", "tier-");
        var svc = _sim.Store.Get<V1Service>("edited")!;

        svc.Metadata.Labels.Should().Contain("merge", "yes").And.NotContainKey("tier");
        svc.Metadata.Annotations.Should().Contain("note", "hello");
        svc.Spec.ExternalTrafficPolicy.Should().Be("Local");
        svc.Spec.HealthCheckNodePort.Should().BeInRange(30000, 32767, "switching to Local allocates a health check node port");
        svc.Spec.Ports.Should().HaveCount(2, "a strategic patch merges ports by port number");
        svc.Spec.Ports.Single(p => p.Port == 80).TargetPort.Value.Should().Be("8080");
    }

    [Test]
    public async Task Patch_with_subresource_status_writes_the_status()
    {
        await _kubectl.OkAsync("apply", "-f", _kubectl.WriteFile("status.yaml", ServiceYaml("status", 443)));

        await _kubectl.OkAsync("patch", "svc", "status", "--subresource", "status", "--type", "merge", "-p", """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.5"}]}}}""");

        (await _kubectl.OkAsync("get", "svc", "status", "--no-headers")).Should().Contain("192.0.2.5");
        _sim.Requests.Count(verb: "patch", resource: "services", subresource: "status").Should().BeGreaterThanOrEqualTo(1);
    }

    [Test]
    public async Task Delete_removes_the_object()
    {
        await _kubectl.OkAsync("apply", "-f", _kubectl.WriteFile("gone.yaml", ServiceYaml("gone", 443)));

        (await _kubectl.OkAsync("delete", "svc", "gone")).Should().Contain("deleted");

        _sim.Store.Get<V1Service>("gone").Should().BeNull();
        var (exit, _, error) = await _kubectl.RunAsync("get", "svc", "gone");
        exit.Should().NotBe(0);
        error.Should().Contain("NotFound");
    }

    [Test]
    public async Task Wait_for_a_jsonpath_returns_once_the_status_is_written()
    {
        await _kubectl.OkAsync("apply", "-f", _kubectl.WriteFile("wait.yaml", ServiceYaml("waited", 443)));
        var wait = _kubectl.RunAsync("wait", "svc/waited", "--for=jsonpath={.status.loadBalancer.ingress[0].ip}=192.0.2.9", "--timeout=30s");
        while (_sim.Requests.Count(verb: "watch", resource: "services") == 0 && !wait.IsCompleted)
        {
            await Task.Delay(20);
        }

        var svc = _sim.Store.Get<V1Service>("waited")!;
        svc.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.9" }] } };
        _sim.Store.UpdateStatus(svc);
        var (exit, output, error) = await wait;

        exit.Should().Be(0, error);
        output.Should().Contain("condition met");
    }

    [Test]
    public async Task Imperative_create_namespace_and_service_send_protobuf_which_is_decoded()
    {
        await _kubectl.OkAsync("create", "namespace", "imperative");
        await _kubectl.OkAsync("create", "service", "loadbalancer", "imp", "--tcp=80:8080", "-n", "imperative");
        await _kubectl.OkAsync("create", "configmap", "imp", "--from-literal=a=b", "-n", "imperative");

        var svc = _sim.Store.Get<V1Service>("imp", "imperative")!;
        svc.Spec.Type.Should().Be("LoadBalancer");
        svc.Spec.Ports.Should().ContainSingle().Which.TargetPort.Value.Should().Be("8080");
        svc.Spec.Selector.Should().Contain("app", "imp");
        _sim.Store.Get<V1ConfigMap>("imp", "imperative")!.Data.Should().Contain("a", "b");
    }

    [Test]
    public async Task Apply_kustomize_stores_every_kind_of_the_operator_manifests()
    {
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Kubectl", "Fixtures", "default");

        var output = await _kubectl.OkAsync("apply", "-k", fixture);
        var again = await _kubectl.OkAsync("apply", "-k", fixture);

        output.Should().Contain("namespace/nodeipam-system created")
            .And.Contain("serviceaccount/nodeipam-operator created")
            .And.Contain("clusterrole.rbac.authorization.k8s.io/nodeipam-operator created")
            .And.Contain("clusterrolebinding.rbac.authorization.k8s.io/nodeipam-operator created")
            .And.Contain("role.rbac.authorization.k8s.io/nodeipam-leader-election created")
            .And.Contain("rolebinding.rbac.authorization.k8s.io/nodeipam-leader-election created")
            .And.Contain("configmap/nodeipam-config created")
            .And.Contain("deployment.apps/nodeipam-operator created");
        again.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(l => l.EndsWith(" unchanged", StringComparison.Ordinal));
        _sim.Store.Get<V1Deployment>("nodeipam-operator", "nodeipam-system")!.Metadata.Generation.Should().Be(1);
        var tables = await _kubectl.OkAsync("get", "deployments,configmaps", "-n", "nodeipam-system", "-o", "wide");
        tables.Should().MatchRegex(@"deployment.apps/nodeipam-operator\s+0/2\s+0\s+0\s+\S+\s+manager\s+nodeipam-operator:latest\s+app.kubernetes.io/name=nodeipam")
            .And.MatchRegex(@"configmap/nodeipam-config\s+1\s");
    }
}
