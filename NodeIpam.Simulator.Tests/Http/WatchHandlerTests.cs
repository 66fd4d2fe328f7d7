using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Http;

/// <summary>Watch semantics over raw HTTP: initial events, replay, 410, bookmarks, selectors, timeouts, faults.</summary>
public sealed class WatchHandlerTests
{
    private const string Nodes = "/api/v1/nodes";
    private FakeTimeProvider _time = null!;
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _sim = await KubeApiSimulator.StartAsync(new SimulatorOptions { TimeProvider = _time });
        _api = new RawApi(_sim);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    private Task<JsonObject> NodeAsync(string name, string labels = "{}") =>
        _api.CreateAsync(Nodes, $$$"""{"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{name}}}","labels":{{{labels}}}}}""");

    [Test]
    public async Task A_watch_without_resource_version_starts_with_added_events_for_current_objects()
    {
        await NodeAsync("a");
        await NodeAsync("b");
        await using var watch = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=true");

        var initial = await watch.NextAsync(2);
        await NodeAsync("c");
        var live = await watch.NextAsync();

        initial.Select(e => (Json.Type(e), Json.Name(e))).Should().Equal(("ADDED", "a"), ("ADDED", "b"));
        (Json.Type(live!), Json.Name(live!)).Should().Be(("ADDED", "c"));
    }

    [Test]
    public async Task A_watch_from_a_resource_version_replays_only_later_events()
    {
        var a = await NodeAsync("a");
        await _api.PatchAsync(Nodes + "/a", """{"metadata":{"labels":{"x":"1"}}}""", "application/merge-patch+json");
        await _api.DeleteAsync(Nodes + "/a");
        await using var watch = await WatchStream.OpenAsync(_api.Http, $"{Nodes}?watch=1&resourceVersion={RawApi.Rv(a)}");

        var events = await watch.NextAsync(2);

        events.Select(Json.Type).Should().Equal("MODIFIED", "DELETED");
        RawApi.RvNumber(events[1]["object"]!.AsObject()).Should().BeGreaterThan(RawApi.RvNumber(events[0]["object"]!.AsObject()));
    }

    [Test]
    public async Task Resuming_after_compaction_gets_an_error_event_with_410_expired()
    {
        var a = await NodeAsync("a");
        await NodeAsync("b");
        _sim.Faults.CompactHistory();
        await using var watch = await WatchStream.OpenAsync(_api.Http, $"{Nodes}?watch=1&resourceVersion={RawApi.Rv(a)}");

        var error = await watch.NextAsync();

        Json.Type(error!).Should().Be("ERROR");
        Json.Str(error, "object.kind").Should().Be("Status");
        Json.Str(error, "object.code").Should().Be("410");
        Json.Str(error, "object.reason").Should().Be("Expired");
        (await watch.NextAsync()).Should().BeNull("the server ends the watch after the error");
    }

    [Test]
    public async Task A_small_history_evicts_old_events()
    {
        _sim.WatchHistorySize = 2;
        var a = await NodeAsync("a");
        await NodeAsync("b");
        await NodeAsync("c");
        await NodeAsync("d");
        await using var watch = await WatchStream.OpenAsync(_api.Http, $"{Nodes}?watch=1&resourceVersion={RawApi.Rv(a)}");

        Json.Str(await watch.NextAsync(), "object.code").Should().Be("410");
    }

    [Test]
    public async Task Bookmarks_are_sent_only_to_watches_that_asked()
    {
        await using var with = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&allowWatchBookmarks=true&resourceVersion=1");
        await using var without = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&resourceVersion=1");

        _sim.Faults.SendBookmarks();
        await NodeAsync("after");

        var bookmark = await with.NextAsync();
        Json.Type(bookmark!).Should().Be("BOOKMARK");
        Json.Str(bookmark, "object.kind").Should().Be("Node");
        long.Parse(Json.Str(bookmark, "object.metadata.resourceVersion")!, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        Json.Type((await without.NextAsync())!).Should().Be("ADDED");
    }

    [Test]
    public async Task The_bookmark_timer_follows_the_time_provider()
    {
        await using var watch = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&allowWatchBookmarks=true&resourceVersion=1");

        _time.Advance(TimeSpan.FromMinutes(1));

        Json.Type((await watch.NextAsync())!).Should().Be("BOOKMARK");
    }

    [Test]
    public async Task Timeout_seconds_ends_the_stream()
    {
        await using var watch = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&timeoutSeconds=5&resourceVersion=1");

        _time.Advance(TimeSpan.FromSeconds(5));

        (await watch.NextAsync()).Should().BeNull();
    }

    [Test]
    public async Task Label_selector_watches_see_objects_leave_and_enter_as_deleted_and_added()
    {
        await NodeAsync("n", """{"pool":"a"}""");
        await using var watch = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&labelSelector=pool%3Da");
        (await watch.NextAsync()).Should().NotBeNull();

        await _api.PatchAsync(Nodes + "/n", """{"metadata":{"labels":{"pool":"b"}}}""", "application/merge-patch+json");
        await _api.PatchAsync(Nodes + "/n", """{"metadata":{"labels":{"pool":"a"}}}""", "application/merge-patch+json");

        (await watch.NextAsync(2)).Select(Json.Type).Should().Equal("DELETED", "ADDED");
    }

    [Test]
    public async Task Closing_all_watches_ends_their_streams()
    {
        await using var watch = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&resourceVersion=1");

        _sim.Faults.CloseAllWatches();

        (await watch.NextAsync()).Should().BeNull();
    }

    [Test]
    public async Task A_silenced_watch_stays_open_but_delivers_nothing_while_new_watches_work()
    {
        await using var silent = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&allowWatchBookmarks=true&resourceVersion=1");
        _sim.Faults.SilenceWatches();
        await using var fresh = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&resourceVersion=1");

        await NodeAsync("quiet");
        _sim.Faults.SendBookmarks();

        Json.Name((await fresh.NextAsync())!).Should().Be("quiet");
        (await silent.AnyWithinAsync(TimeSpan.FromMilliseconds(300))).Should().BeFalse();
    }

    [Test]
    public async Task The_watch_path_form_and_field_selectors_work()
    {
        await NodeAsync("one");
        await NodeAsync("two");
        await using var watch = await WatchStream.OpenAsync(_api.Http, "/api/v1/watch/nodes?fieldSelector=metadata.name%3Dtwo");

        Json.Name((await watch.NextAsync())!).Should().Be("two");
    }

    [Test]
    public async Task Send_initial_events_ends_the_initial_list_with_an_annotated_bookmark()
    {
        await NodeAsync("listed");
        await using var watch = await WatchStream.OpenAsync(_api.Http, Nodes + "?watch=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");

        var events = await watch.NextAsync(2);

        (Json.Type(events[0]), Json.Name(events[0])).Should().Be(("ADDED", "listed"));
        Json.Type(events[1]).Should().Be("BOOKMARK");
        events[1]["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>().Should().Be("true");
    }

    [Test]
    public async Task A_write_that_changes_nothing_emits_no_event()
    {
        var node = await NodeAsync("same", """{"a":"1"}""");
        await using var watch = await WatchStream.OpenAsync(_api.Http, $"{Nodes}?watch=1&resourceVersion={RawApi.Rv(node)}");

        await _api.PatchAsync(Nodes + "/same", """{"metadata":{"labels":{"a":"1"}}}""", "application/merge-patch+json");
        await _api.PatchAsync(Nodes + "/same", """{"metadata":{"labels":{"a":"2"}}}""", "application/merge-patch+json");

        var next = await watch.NextAsync();
        Json.Str(next, "object.metadata.labels.a").Should().Be("2", "the no-op patch before it produced no event");
    }
}
