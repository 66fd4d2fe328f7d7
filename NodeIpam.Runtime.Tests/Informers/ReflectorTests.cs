using System.Globalization;
using k8s.Models;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>List/watch semantics against the project's API simulator on 127.0.0.1.</summary>
public class ReflectorTests
{
    private static V1Node Node(string name, string? zone = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = zone is null ? null : new Dictionary<string, string> { ["zone"] = zone } },
    };

    private static IEnumerable<string> Live(RecordingHandler<V1Node> handler) => handler.Calls.Where(c => !c.EndsWith(" initial", StringComparison.Ordinal));

    private static string Rv<T>(T entity)
        where T : k8s.IKubernetesObject<V1ObjectMeta> => entity.Metadata.ResourceVersion;

    /// <summary>Proves the informer's watch is open (a sync only proves the list): an add arrives through it.</summary>
    private static async Task WatchEstablishedAsync(SimulatedInformer<V1Node> test)
    {
        test.Simulator.Store.Create(Node("warm-up"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(ObjectKey.Cluster("warm-up")) is not null, "the watch is open");
    }

    [Test]
    public async Task The_initial_list_pages_through_more_objects_than_one_page()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        for (var i = 0; i < 1234; i++)
        {
            test.Simulator.Store.Create(Node($"node-{i:D4}"));
        }

        await test.StartAndSyncAsync();

        test.Informer.Store.List().Should().HaveCount(1234);
        test.Handler.Calls.Should().HaveCount(1234).And.OnlyContain(c => c.EndsWith(" initial", StringComparison.Ordinal));
        test.Simulator.Requests.Count("list", "nodes").Should().Be(3, "1234 objects at 500 a page take three pages");
        test.Informer.ResourceVersion.Should().Be(test.Simulator.Store.ResourceVersion.ToString(CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task Live_adds_updates_and_deletes_reach_the_cache_and_the_handler_in_order()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        await test.StartAndSyncAsync();

        var created = test.Simulator.Store.Create(Node("a"));
        var updated = test.Simulator.Store.Upsert(Node("a", zone: "z1"));
        test.Simulator.Store.Delete<V1Node>("a");
        await Eventually.HoldsAsync(() => test.Handler.Calls.Count == 3, "three events arrived");

        test.Handler.Calls.Take(2).Should().Equal($"add a {Rv(created)}", $"update a {Rv(created)}->{Rv(updated)}");
        test.Handler.Calls[2].Should().StartWith("delete a ", "the DELETED event carries the deletion's resourceVersion");
        test.Informer.Store.List().Should().BeEmpty();
    }

    [Test]
    public async Task A_watch_closed_by_the_server_resumes_from_the_last_resource_version_without_replay_or_loss()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        test.Simulator.Store.Create(Node("before"));
        await test.StartAndSyncAsync();
        test.Simulator.Store.Create(Node("first"));
        await Eventually.HoldsAsync(() => test.Handler.Calls.Count == 2, "the first add arrived");

        for (var round = 0; round < 3; round++)
        {
            test.Simulator.Faults.CloseAllWatches();
            test.Simulator.Store.Create(Node($"during-{round}"));
        }

        test.Simulator.Store.Create(Node("after"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(ObjectKey.Cluster("after")) is not null, "the last add arrived");

        Live(test.Handler).Select(c => c.Split(' ')[1]).Should().Equal("first", "during-0", "during-1", "during-2", "after");
        test.Simulator.Requests.Count("list", "nodes").Should().Be(1, "a cleanly closed watch is resumed, not relisted");
        test.Simulator.Requests.Count("watch", "nodes").Should().BeGreaterThan(1);
    }

    [Test]
    public async Task Gone_as_a_watch_error_event_relists_and_synthesises_the_deletes_of_the_gap()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        test.Simulator.Store.Create(Node("keep"));
        var change = test.Simulator.Store.Create(Node("change"));
        var vanish = test.Simulator.Store.Create(Node("vanish"));
        await test.StartAndSyncAsync();
        await WatchEstablishedAsync(test);

        // The informer's next watch hangs at the server while the gap happens and the history is compacted.
        test.Simulator.Faults.Pause();
        test.Simulator.Faults.CloseAllWatches();
        test.Simulator.Store.Delete<V1Node>("vanish");
        var changed = test.Simulator.Store.Upsert(Node("change", zone: "z2"));
        var added = test.Simulator.Store.Create(Node("new"));
        test.Simulator.Faults.CompactHistory();
        test.Simulator.Faults.Resume();
        await Eventually.HoldsAsync(() => Live(test.Handler).Count() == 4, "the relist was diffed");

        Live(test.Handler).Skip(1).Should().BeEquivalentTo(
            $"update change {Rv(change)}->{Rv(changed)}", $"add new {Rv(added)}", $"delete vanish {Rv(vanish)}");
        test.Simulator.Requests.Count("list", "nodes").Should().Be(2);
        test.Informer.Store.List().Select(n => n.Metadata.Name).Should().BeEquivalentTo("keep", "change", "new", "warm-up");
    }

    [Test]
    public async Task Gone_as_the_http_status_of_the_watch_request_relists_and_synthesises_the_deletes_of_the_gap()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        var vanish = test.Simulator.Store.Create(Node("vanish"));
        test.Simulator.Store.Create(Node("keep"));
        await test.StartAndSyncAsync();
        await WatchEstablishedAsync(test);

        test.Simulator.Faults.Pause();
        test.Simulator.Faults.CloseAllWatches();
        test.Simulator.Store.Delete<V1Node>("vanish");
        test.Simulator.Faults.CompactHistory();
        test.Simulator.Faults.FailNext(1, "watch", "nodes", 410);
        test.Simulator.Faults.Resume();
        await Eventually.HoldsAsync(() => Live(test.Handler).Count() == 2, "the relist was diffed");

        Live(test.Handler).Skip(1).Should().Equal($"delete vanish {Rv(vanish)}");
        test.Simulator.Requests.Count("list", "nodes").Should().Be(2);
    }

    [Test]
    public async Task Bookmarks_advance_the_resource_version_so_a_resume_after_compaction_needs_no_relist()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        test.Simulator.Store.Create(Node("a"));
        await test.StartAndSyncAsync();
        var listedAt = test.Informer.ResourceVersion;
        test.Simulator.Store.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "unrelated", NamespaceProperty = "default" } });
        var current = test.Simulator.Store.ResourceVersion.ToString(CultureInfo.InvariantCulture);

        await Eventually.HoldsAsync(
            () =>
            {
                test.Simulator.Faults.SendBookmarks();
                return test.Informer.ResourceVersion == current;
            },
            "a bookmark moved the resourceVersion");
        test.Simulator.Faults.CompactHistory();
        test.Simulator.Faults.CloseAllWatches();
        test.Simulator.Store.Create(Node("b"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(ObjectKey.Cluster("b")) is not null, "the add after the resume arrived");

        listedAt.Should().NotBe(current);
        test.Simulator.Requests.Count("list", "nodes").Should().Be(1, "the resume started at the bookmark, inside the compacted history");
        Live(test.Handler).Should().ContainSingle().Which.Should().StartWith("add b");
    }

    [Test]
    public async Task A_silent_half_open_watch_is_detected_by_the_watchdog_and_the_informer_recovers()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync(SimulatedInformer<V1Node>.FastOptions with { WatchIdleTimeout = TimeSpan.FromSeconds(1) });
        await test.StartAndSyncAsync();
        await WatchEstablishedAsync(test);
        var progressBefore = test.Informer.LastWatchProgress;

        test.Simulator.Faults.SilenceWatches();
        test.Simulator.Store.Create(Node("a"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(ObjectKey.Cluster("a")) is not null, "the watchdog re-opened the watch");

        Live(test.Handler).Skip(1).Should().ContainSingle().Which.Should().StartWith("add a");
        test.Simulator.Requests.Count("list", "nodes").Should().Be(1);
        test.Simulator.Requests.Count("watch", "nodes").Should().BeGreaterThan(1);
        test.Informer.LastWatchProgress.Should().BeAfter(progressBefore);
    }

    [Test]
    public async Task Server_errors_back_off_and_recover_without_losing_events()
    {
        await using var test = await SimulatedInformer<V1Node>.CreateAsync();
        test.Simulator.Store.Create(Node("a"));
        test.Simulator.Faults.FailNext(3, "list", "nodes", 500);
        await test.StartAndSyncAsync();
        test.Simulator.Requests.Count("list", "nodes").Should().Be(4);
        await WatchEstablishedAsync(test);

        test.Simulator.Faults.FailNext(3, "watch", "nodes", 500);
        test.Simulator.Faults.CloseAllWatches();
        test.Simulator.Store.Create(Node("b"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(ObjectKey.Cluster("b")) is not null, "the watch came back");

        Live(test.Handler).Skip(1).Should().ContainSingle().Which.Should().StartWith("add b");
        test.Simulator.Requests.Count("list", "nodes").Should().Be(4, "a failed watch is retried from its resourceVersion, not relisted");
        test.Simulator.Requests.Count("watch", "nodes").Should().BeGreaterThanOrEqualTo(5);
    }

    [Test]
    public async Task Namespaced_kinds_are_watched_across_all_namespaces()
    {
        await using var test = await SimulatedInformer<V1ConfigMap>.CreateAsync();
        test.Simulator.Store.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "default" } });
        await test.StartAndSyncAsync();

        test.Simulator.Store.Create(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "kube-system" } });
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(new ObjectKey("kube-system", "b")) is not null, "the add arrived");

        test.Informer.Store.Get(new ObjectKey("default", "a")).Should().NotBeNull();
        test.Informer.Store.Get(new ObjectKey("kube-system", "b"))!.Kind.Should().Be("ConfigMap");
    }
}
