using System.Text.Json.Nodes;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Api;

/// <summary>Discovery and OpenAPI documents as kubectl 1.32 requests them.</summary>
public sealed class DiscoveryTests
{
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _api = new RawApi(_sim);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    [Test]
    public async Task Aggregated_discovery_is_served_when_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis");
        request.Headers.Accept.ParseAdd("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _api.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.Content.Headers.ContentType!.ToString().Should().Contain("as=APIGroupDiscoveryList");
        Json.Str(body, "kind").Should().Be("APIGroupDiscoveryList");
        var coordination = body["items"]!.AsArray().Single(i => Json.Str(i, "metadata.name") == "coordination.k8s.io");
        Json.Str(coordination, "versions.0.resources.0.resource").Should().Be("leases");
        Json.Str(coordination, "versions.0.resources.0.scope").Should().Be("Namespaced");
    }

    [Test]
    public async Task Legacy_discovery_lists_resources_and_status_subresources()
    {
        var (_, core) = await _api.GetAsync("/api/v1");
        var (_, groups) = await _api.GetAsync("/apis");
        var (_, versions) = await _api.GetAsync("/api");

        core["resources"]!.AsArray().Select(r => Json.Str(r, "name")).Should().Contain(["services", "services/status", "nodes", "nodes/status", "namespaces", "events", "endpoints"]);
        groups["groups"]!.AsArray().Select(g => Json.Str(g, "name")).Should().Contain(["apps", "discovery.k8s.io", "coordination.k8s.io", "events.k8s.io", "rbac.authorization.k8s.io"]);
        Json.Str(versions, "versions").Should().Be("""["v1"]""");
    }

    [Test]
    public async Task Openapi_v3_tells_kubectl_that_the_server_validates_fields()
    {
        var (_, index) = await _api.GetAsync("/openapi/v3");
        var url = Json.Str(index, "paths.api/v1.serverRelativeURL")!;
        var (_, doc) = await _api.GetAsync(url);

        var patch = doc["paths"]!["/api/v1/namespaces/{namespace}/services/{name}"]!["patch"]!;
        Json.Str(patch, "x-kubernetes-group-version-kind.kind").Should().Be("Service");
        patch["parameters"]!.AsArray().Select(p => Json.Str(p, "name")).Should().Contain("fieldValidation");
    }

    [Test]
    public async Task Version_and_health_endpoints_answer()
    {
        var (_, version) = await _api.GetAsync("/version");
        var health = await _api.Http.GetStringAsync(new Uri("/readyz", UriKind.Relative));

        Json.Str(version, "minor").Should().Be("32");
        health.Should().Be("ok");
    }
}
