using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Storage;

/// <summary>
/// Shared storage over raw HTTP: core/v1 and events.k8s.io/v1 Events are one resource seen through two APIs,
/// with the same objects, resourceVersions and watch events, as on a real API server.
/// </summary>
public sealed class ObjectStoreTests
{
    private const string CoreEvents = "/api/v1/namespaces/default/events";
    private const string NewEvents = "/apis/events.k8s.io/v1/namespaces/default/events";
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync(new SimulatorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) });
        _api = new RawApi(_sim);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    /// <summary>The shape NodeIpam.Runtime's recorder posts.</summary>
    private static string RecorderEvent(string name, string service, string uid, string note = "assigned 203.0.113.1") => $$"""
        {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"{{name}}","namespace":"default"},
         "eventTime":"2026-01-01T00:00:00.000000Z","regarding":{"apiVersion":"v1","kind":"Service","name":"{{service}}","namespace":"default","uid":"{{uid}}"},
         "type":"Warning","reason":"NoAddress","action":"Assign","note":"{{note}}",
         "reportingController":"nodeipam.io/operator","reportingInstance":"pod-a"}
        """;

    private static string CoreEvent(string name, string service) => $$$"""
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"{{{name}}}","namespace":"default"},
         "involvedObject":{"apiVersion":"v1","kind":"Service","name":"{{{service}}}","namespace":"default","uid":"u-core"},
         "reason":"Legacy","message":"from an old recorder","type":"Normal","count":4,
         "firstTimestamp":"2026-01-01T00:00:00Z","lastTimestamp":"2026-01-01T00:03:00Z","source":{"component":"old-controller","host":"node-a"}}
        """;

    private async Task<JsonArray> ItemsAsync(string path)
    {
        var (code, body) = await _api.GetAsync(path);
        code.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body["items"]!.AsArray();
    }

    [Test]
    public async Task An_event_created_through_events_k8s_io_is_the_same_core_event()
    {
        var created = await _api.CreateAsync(NewEvents, RecorderEvent("web.1", "web", "u-web"));

        var (code, core) = await _api.GetAsync(CoreEvents + "/web.1");

        code.Should().Be(HttpStatusCode.OK);
        (Json.Str(core, "apiVersion"), Json.Str(core, "kind")).Should().Be(("v1", "Event"));
        RawApi.Rv(core).Should().Be(RawApi.Rv(created));
        Json.Str(core, "metadata.uid").Should().Be(Json.Str(created, "metadata.uid"));
        Json.Str(core, "involvedObject.name").Should().Be("web");
        Json.Str(core, "message").Should().Be("assigned 203.0.113.1");
        Json.Str(core, "reportingComponent").Should().Be("nodeipam.io/operator");
        (await ItemsAsync(CoreEvents)).Should().ContainSingle();
    }

    [Test]
    public async Task Core_field_selectors_find_events_created_through_events_k8s_io()
    {
        await _api.CreateAsync(NewEvents, RecorderEvent("web.1", "web", "u-web"));
        await _api.CreateAsync(NewEvents, RecorderEvent("other.1", "other", "u-other"));

        var describeQuery = "?fieldSelector=involvedObject.name%3Dweb,involvedObject.namespace%3Ddefault,involvedObject.kind%3DService,involvedObject.uid%3Du-web";
        var found = await ItemsAsync(CoreEvents + describeQuery);
        var staleUid = await ItemsAsync(CoreEvents + "?fieldSelector=involvedObject.name%3Dweb,involvedObject.uid%3Du-old");
        var byComponent = await ItemsAsync("/api/v1/events?fieldSelector=reportingComponent%3Dnodeipam.io/operator,type%3DWarning,reason%3DNoAddress");

        found.Select(i => Json.Str(i, "metadata.name")).Should().Equal("web.1");
        staleUid.Should().BeEmpty();
        byComponent.Should().HaveCount(2);
    }

    [Test]
    public async Task A_core_event_is_served_converted_through_events_k8s_io_with_its_selectors()
    {
        await _api.CreateAsync(CoreEvents, CoreEvent("legacy.1", "web"));

        var items = await ItemsAsync(NewEvents + "?fieldSelector=regarding.name%3Dweb,reportingController%3D");
        var bySource = await ItemsAsync(CoreEvents + "?fieldSelector=source%3Dold-controller");

        var item = items.Should().ContainSingle().Subject;
        (Json.Str(item, "apiVersion"), Json.Str(item, "note")).Should().Be(("events.k8s.io/v1", "from an old recorder"));
        (Json.Str(item, "deprecatedCount"), Json.Str(item, "deprecatedSource.host")).Should().Be(("4", "node-a"));
        Json.Str(item, "deprecatedLastTimestamp").Should().Be("2026-01-01T00:03:00Z");
        bySource.Should().ContainSingle();
    }

    [Test]
    public async Task Writes_through_either_api_change_the_one_object()
    {
        var created = await _api.CreateAsync(NewEvents, RecorderEvent("web.1", "web", "u-web"));
        var (patchCode, patched) = await _api.PatchAsync(NewEvents + "/web.1", """{"series":{"count":2,"lastObservedTime":"2026-01-01T00:05:00.000000Z"}}""", "application/merge-patch+json");
        patchCode.Should().Be(HttpStatusCode.OK);

        var (_, core) = await _api.GetAsync(CoreEvents + "/web.1");
        core["message"] = "edited through core";
        var (putCode, put) = await _api.PutAsync(CoreEvents + "/web.1", core.ToJsonString());
        var (_, again) = await _api.GetAsync(NewEvents + "/web.1");
        var (deleteCode, _) = await _api.DeleteAsync(CoreEvents + "/web.1");
        var (goneCode, _) = await _api.GetAsync(NewEvents + "/web.1");

        Json.Str(core, "series.count").Should().Be("2");
        RawApi.RvNumber(patched).Should().BeGreaterThan(RawApi.RvNumber(created));
        putCode.Should().Be(HttpStatusCode.OK, put.ToJsonString());
        Json.Str(again, "note").Should().Be("edited through core");
        RawApi.Rv(again).Should().Be(RawApi.Rv(put));
        (deleteCode, goneCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_stale_resource_version_from_the_other_api_conflicts()
    {
        var created = await _api.CreateAsync(NewEvents, RecorderEvent("web.1", "web", "u-web"));
        await _api.PatchAsync(CoreEvents + "/web.1", """{"message":"newer"}""", "application/merge-patch+json");

        created["note"] = "stale";
        var (code, _) = await _api.PutAsync(NewEvents + "/web.1", created.ToJsonString());

        code.Should().Be(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_core_watch_sees_changes_made_through_events_k8s_io_converted()
    {
        await using var watch = await WatchStream.OpenAsync(_api.Http, CoreEvents + "?watch=1&fieldSelector=involvedObject.name%3Dweb");

        var created = await _api.CreateAsync(NewEvents, RecorderEvent("web.1", "web", "u-web"));
        await _api.CreateAsync(NewEvents, RecorderEvent("other.1", "other", "u-other"));
        await _api.PatchAsync(NewEvents + "/web.1", """{"note":"changed"}""", "application/merge-patch+json");
        await _api.DeleteAsync(NewEvents + "/web.1");
        var events = await watch.NextAsync(3);

        events.Select(Json.Type).Should().Equal("ADDED", "MODIFIED", "DELETED");
        events.Select(Json.Name).Should().OnlyContain(n => n == "web.1", "the selector applies to the converted core form");
        Json.Str(events[0], "object.apiVersion").Should().Be("v1");
        Json.Str(events[0], "object.metadata.resourceVersion").Should().Be(RawApi.Rv(created));
        Json.Str(events[1], "object.message").Should().Be("changed");
    }

    [Test]
    public async Task An_events_k8s_io_watch_sees_and_replays_core_writes()
    {
        var before = await _api.CreateAsync(NewEvents, RecorderEvent("web.1", "web", "u-web"));
        await _api.CreateAsync(CoreEvents, CoreEvent("legacy.1", "web"));
        await using var live = await WatchStream.OpenAsync(_api.Http, NewEvents + "?watch=1&resourceVersion=" + RawApi.Rv(before));

        var replayed = await live.NextAsync();
        await _api.PatchAsync(CoreEvents + "/legacy.1", """{"count":5}""", "application/merge-patch+json");
        var modified = await live.NextAsync();

        (Json.Type(replayed!), Json.Name(replayed!), Json.Str(replayed, "object.apiVersion")).Should().Be(("ADDED", "legacy.1", "events.k8s.io/v1"));
        (Json.Type(modified!), Json.Str(modified, "object.deprecatedCount")).Should().Be(("MODIFIED", "5"));
    }

    [Test]
    public async Task An_unsupported_event_field_label_is_still_a_bad_request()
    {
        var (code, _) = await _api.GetAsync(CoreEvents + "?fieldSelector=message%3Dx");

        code.Should().Be(HttpStatusCode.BadRequest);
    }
}
