using System.Net;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Http;

/// <summary>LIST with selectors and paging, the three patch types, discovery and error routing over raw HTTP.</summary>
public sealed class ResourceHandlerTests
{
    private const string Nodes = "/api/v1/nodes";
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _api = new RawApi(_sim);
        foreach (var (name, labels) in new[] { ("n1", """{"zone":"a","role":"edge"}"""), ("n2", """{"zone":"b"}"""), ("n3", """{"zone":"c","tier":"5"}"""), ("n4", "{}") })
        {
            await _api.CreateAsync(Nodes, $$$"""{"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{name}}}","labels":{{{labels}}}}}""");
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    [TestCase("zone=a", "n1")]
    [TestCase("zone==a", "n1")]
    [TestCase("zone!=a", "n2,n3,n4")]
    [TestCase("zone in (a,b)", "n1,n2")]
    [TestCase("zone notin (a,b)", "n3,n4")]
    [TestCase("role", "n1")]
    [TestCase("!zone", "n4")]
    [TestCase("zone,!role", "n2,n3")]
    [TestCase("tier>4", "n3")]
    [TestCase("tier<4", "")]
    public async Task Label_selectors_follow_the_full_grammar(string selector, string expected)
    {
        var (code, list) = await _api.GetAsync($"{Nodes}?labelSelector={Uri.EscapeDataString(selector)}");

        code.Should().Be(HttpStatusCode.OK);
        string.Join(",", list["items"]!.AsArray().Select(i => Json.Str(i, "metadata.name"))).Should().Be(expected);
    }

    [Test]
    public async Task A_bad_label_selector_is_a_400()
    {
        var (code, status) = await _api.GetAsync($"{Nodes}?labelSelector={Uri.EscapeDataString("zone in a")}");

        code.Should().Be(HttpStatusCode.BadRequest);
        Json.Str(status, "reason").Should().Be("BadRequest");
    }

    [Test]
    public async Task Field_selectors_on_name_work_and_unsupported_fields_are_rejected()
    {
        var (_, byName) = await _api.GetAsync($"{Nodes}?fieldSelector=metadata.name%3Dn2");
        var (_, notName) = await _api.GetAsync($"{Nodes}?fieldSelector=metadata.name!%3Dn2");
        var (bad, _) = await _api.GetAsync($"{Nodes}?fieldSelector=spec.podCIDR%3Dx");

        byName["items"]!.AsArray().Select(i => Json.Str(i, "metadata.name")).Should().Equal("n2");
        notName["items"]!.AsArray().Should().HaveCount(3);
        bad.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Field_selector_on_namespace_filters_a_cluster_wide_list()
    {
        await _api.CreateAsync("/api/v1/namespaces/kube-system/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"sys"}}""");
        await _api.CreateAsync("/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"def"}}""");

        var (_, list) = await _api.GetAsync("/api/v1/configmaps?fieldSelector=metadata.namespace%3Dkube-system");

        list["items"]!.AsArray().Select(i => Json.Str(i, "metadata.name")).Should().Equal("sys");
    }

    [Test]
    public async Task Limit_and_continue_page_through_the_list_in_name_order()
    {
        var (_, first) = await _api.GetAsync($"{Nodes}?limit=3");
        var token = Json.Str(first, "metadata.continue");
        var (_, second) = await _api.GetAsync($"{Nodes}?limit=3&continue={token}");

        first["items"]!.AsArray().Select(i => Json.Str(i, "metadata.name")).Should().Equal("n1", "n2", "n3");
        Json.Str(first, "metadata.remainingItemCount").Should().Be("1");
        second["items"]!.AsArray().Select(i => Json.Str(i, "metadata.name")).Should().Equal("n4");
        Json.Str(second, "metadata.continue").Should().BeNull();
        Json.Str(first, "kind").Should().Be("NodeList");
    }

    [Test]
    public async Task Json_patch_strategic_patch_and_unsupported_patch_types()
    {
        var (jsonCode, json) = await _api.PatchAsync(Nodes + "/n4", """[{"op":"add","path":"/metadata/labels","value":{"p":"1"}},{"op":"replace","path":"/metadata/labels/p","value":"2"}]""", "application/json-patch+json");
        var (smpCode, smp) = await _api.PatchAsync(Nodes + "/n4/status", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""", "application/strategic-merge-patch+json");
        var (smp2Code, smp2) = await _api.PatchAsync(Nodes + "/n4/status", """{"status":{"conditions":[{"type":"DiskPressure","status":"False"}]}}""", "application/strategic-merge-patch+json");
        var (failedTest, _) = await _api.PatchAsync(Nodes + "/n4", """[{"op":"test","path":"/metadata/name","value":"other"}]""", "application/json-patch+json");
        var (unsupported, _) = await _api.PatchAsync(Nodes + "/n4", "{}", "text/plain");

        jsonCode.Should().Be(HttpStatusCode.OK);
        Json.Str(json, "metadata.labels.p").Should().Be("2");
        smpCode.Should().Be(HttpStatusCode.OK);
        smp2Code.Should().Be(HttpStatusCode.OK);
        smp2["status"]!["conditions"]!.AsArray().Select(c => Json.Str(c, "type")).Should().Equal("Ready", "DiskPressure");
        Json.Str(smp, "status.conditions.0.status").Should().Be("True");
        failedTest.Should().Be((HttpStatusCode)422);
        unsupported.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Unknown_resources_and_subresources_are_404_status_objects()
    {
        var (resource, status) = await _api.GetAsync("/api/v1/widgets");
        var (sub, _) = await _api.GetAsync("/api/v1/namespaces/default/configmaps/x/status");

        resource.Should().Be(HttpStatusCode.NotFound);
        Json.Str(status, "kind").Should().Be("Status");
        sub.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_collection_removes_the_selected_objects()
    {
        await _api.CreateAsync("/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dc1","labels":{"batch":"x"}}}""");
        await _api.CreateAsync("/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dc2","labels":{"batch":"x"}}}""");

        var (code, deleted) = await _api.DeleteAsync("/api/v1/namespaces/default/configmaps?labelSelector=batch%3Dx");

        code.Should().Be(HttpStatusCode.OK);
        deleted["items"]!.AsArray().Should().HaveCount(2);
        (await _api.GetAsync("/api/v1/namespaces/default/configmaps/dc1")).Code.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Deleting_a_namespace_deletes_its_objects()
    {
        await _api.CreateAsync("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"doomed"}}""");
        await _api.CreateAsync("/api/v1/namespaces/doomed/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""");

        await _api.DeleteAsync("/api/v1/namespaces/doomed");

        (await _api.GetAsync("/api/v1/namespaces/doomed/configmaps/c")).Code.Should().Be(HttpStatusCode.NotFound);
        (await _api.GetAsync("/api/v1/namespaces/doomed")).Code.Should().Be(HttpStatusCode.NotFound);
    }
}
