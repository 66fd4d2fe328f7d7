using k8s.Models;
using NodeIpam.Simulator.Serving;

namespace NodeIpam.Simulator.Tests.Serving;

public sealed class SeedLoaderTests
{
    private KubeApiSimulator _sim = null!;
    private string _dir = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _dir = Directory.CreateTempSubdirectory("sim-seed-").FullName;
    }

    [TearDown]
    public async Task StopAsync()
    {
        Directory.Delete(_dir, recursive: true);
        await _sim.DisposeAsync();
    }

    [Test]
    public void Loads_multi_document_yaml_lists_and_namespaces_first_and_reports_bad_objects()
    {
        File.WriteAllText(Path.Combine(_dir, "a-services.yaml"), """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: demo
            spec:
              type: LoadBalancer
              ports:
              - port: 80
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: Broken_Name
            spec:
              ports:
              - port: 80
            """);
        File.WriteAllText(Path.Combine(_dir, "b-nodes.json"), """
            {"apiVersion":"v1","kind":"List","items":[
              {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"status":{"addresses":[{"type":"ExternalIP","address":"203.0.113.1"}]}},
              {"apiVersion":"v1","kind":"Node","metadata":{"name":"n2"}}]}
            """);
        File.WriteAllText(Path.Combine(_dir, "c-namespace.yml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n");
        File.WriteAllText(Path.Combine(_dir, "kustomization.yaml"), "resources: []\n");
        using var errors = new StringWriter();

        var loaded = SeedLoader.Load(_sim.Store, [_dir], errors);

        loaded.Should().Be(4);
        _sim.Store.Get<V1Service>("web", "demo")!.Spec.ClusterIP.Should().NotBeNullOrEmpty();
        _sim.Store.Get<V1Node>("n1")!.Status.Addresses.Should().ContainSingle();
        errors.ToString().Should().Contain("Broken_Name").And.Contain("422 Invalid");
    }

    [Test]
    public void A_missing_file_or_bad_yaml_is_reported_and_the_rest_loads()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), "a: [unclosed\n");
        File.WriteAllText(Path.Combine(_dir, "good.yaml"), "apiVersion: v1\nkind: Node\nmetadata:\n  name: ok\n");
        using var errors = new StringWriter();

        var loaded = SeedLoader.Load(_sim.Store, [_dir, Path.Combine(_dir, "missing.yaml")], errors);

        loaded.Should().Be(1);
        errors.ToString().Should().Contain("bad.yaml").And.Contain("missing.yaml");
    }
}
