using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;
using static NodeIpam.Runtime.Tests.Informers.ConfigMapColour;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>
/// An informer whose cache keeps records an adapter made (<see cref="ConfigMapColour"/>), against the project's API
/// simulator: keys and resourceVersions come from the objects as read, handlers get keys and records.
/// </summary>
public class AdapterInformerTests
{

    private static string AdapterFailed(string key) =>
        $"ConfigMap: the cache adapter failed for {key}; the object is left out of the cache until it changes";

    private static ObjectKey Key(string name) => new("default", name);

    private static string Rv(V1ConfigMap map) => map.Metadata.ResourceVersion;

    private static IEnumerable<string> Live(RecordingHandler<ConfigMapColour> handler) =>
        handler.Calls.Where(c => !c.EndsWith(" initial", StringComparison.Ordinal));

    private static Task<SimulatedInformer<V1ConfigMap, ConfigMapColour>> CreateAsync(ILogger? logger = null) =>
        SimulatedInformer<V1ConfigMap, ConfigMapColour>.CreateAsync(From, Describe, logger);

    /// <summary>Proves the informer's watch is open (a sync only proves the list): an add arrives through it.</summary>
    private static async Task WatchEstablishedAsync(SimulatedInformer<V1ConfigMap, ConfigMapColour> test)
    {
        test.Simulator.Store.Create(Map("warm-up", "grey"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(Key("warm-up")) is not null, "the watch is open");
    }

    [Test]
    public async Task The_cache_keeps_records_keyed_and_versioned_from_the_objects_and_handlers_get_keys_and_records()
    {
        await using var test = await CreateAsync();
        test.Simulator.Store.Create(Map("a", "red"));
        await test.StartAndSyncAsync();

        test.Simulator.Store.Create(Map("b", "blue"));
        var updated = test.Simulator.Store.Upsert(Map("a", "green"));
        test.Simulator.Store.Delete<V1ConfigMap>("b", "default");
        await Eventually.HoldsAsync(() => test.Handler.Calls.Count == 4, "four events arrived");

        test.Handler.Calls.Should().Equal("add default/a red initial", "add default/b blue", "update default/a red->green", "delete default/b blue");
        test.Informer.Store.List().Should().Equal(new ConfigMapColour("a", "green"));
        test.Informer.Store.Get(Key("a")).Should().Be(new ConfigMapColour("a", "green"));
        test.Informer.CachedResourceVersion(Key("a")).Should().Be(Rv(updated), "the record has no resourceVersion; the informer keeps the object's");
        test.Informer.CachedResourceVersion(Key("b")).Should().BeNull();
    }

    [Test]
    public async Task Keys_share_one_namespace_name_and_an_update_keeps_the_cached_keys_strings()
    {
        await using var test = await CreateAsync();
        test.Simulator.Store.Create(Map("a", "red"));
        test.Simulator.Store.Create(Map("b", "red"));
        await test.StartAndSyncAsync();
        var a = Entry(test, "a");

        a.Key.Namespace.Should().BeSameAs(Entry(test, "b").Key.Namespace, "each object read brings its own copy of \"default\"");
        test.Simulator.Store.Upsert(Map("a", "green"));
        await Eventually.HoldsAsync(() => test.Informer.Store.Get(Key("a"))?.Colour == "green", "the update arrived");
        Entry(test, "a").Key.Name.Should().BeSameAs(a.Key.Name, "the cached key stays; the new version's copy is garbage");

        static CacheEntry<ConfigMapColour> Entry(SimulatedInformer<V1ConfigMap, ConfigMapColour> test, string name) =>
            ((CacheStore<ConfigMapColour>)test.Informer.Store).GetEntry(Key(name)) ?? throw new InvalidOperationException(name);
    }

    [Test]
    public async Task A_relist_after_gone_reports_vanished_records_as_deletes_and_unchanged_ones_not_at_all()
    {
        await using var test = await CreateAsync();
        test.Simulator.Store.Create(Map("keep", "red"));
        test.Simulator.Store.Create(Map("change", "red"));
        test.Simulator.Store.Create(Map("vanish", "red"));
        await test.StartAndSyncAsync();
        await WatchEstablishedAsync(test);

        // The informer's next watch hangs at the server while the gap happens and the history is compacted.
        test.Simulator.Faults.Pause();
        test.Simulator.Faults.CloseAllWatches();
        test.Simulator.Store.Delete<V1ConfigMap>("vanish", "default");
        test.Simulator.Store.Upsert(Map("change", "blue"));
        test.Simulator.Store.Create(Map("new", "green"));
        test.Simulator.Faults.CompactHistory();
        test.Simulator.Faults.Resume();
        await Eventually.HoldsAsync(() => Live(test.Handler).Count() == 4, "the relist was diffed");

        Live(test.Handler).Skip(1).Should().BeEquivalentTo("update default/change red->blue", "add default/new green", "delete default/vanish red");
        test.Simulator.Requests.Count("list", "configmaps").Should().Be(2);
        test.Informer.Store.List().Select(c => c.Name).Should().BeEquivalentTo("keep", "change", "new", "warm-up");
    }

    [Test]
    public async Task An_object_the_adapter_throws_on_is_left_out_and_logged_an_older_cached_version_is_deleted_and_the_informer_goes_on()
    {
        var logger = new FakeLogger();
        await using var test = await CreateAsync(logger);
        test.Simulator.Store.Create(Map("good", "red"));
        test.Simulator.Store.Create(Map("bad", "red", poison: true));
        await test.StartAndSyncAsync();

        test.Simulator.Store.Upsert(Map("good", "blue", poison: true));
        test.Simulator.Store.Create(Map("after", "green"));
        test.Simulator.Store.Upsert(Map("bad", "white"));
        await Eventually.HoldsAsync(() => test.Handler.Calls.Count == 4, "four events arrived");

        test.Handler.Calls.Should().Equal(
            "add default/good red initial", "delete default/good red", "add default/after green", "add default/bad white");
        test.Informer.Store.Get(Key("good")).Should().BeNull("a reader must not act on the older version as if it were current");
        test.Informer.Store.List().Select(c => c.Name).Should().BeEquivalentTo("after", "bad");
        var errors = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        errors.Select(r => r.Message).Should().Equal(AdapterFailed("default/bad"), AdapterFailed("default/good"));
        errors.Should().OnlyContain(r => r.Exception is InvalidOperationException);
    }

    [Test]
    public void Without_a_server_a_modified_with_the_same_resource_version_is_not_reported_and_a_delete_the_adapter_throws_on_reports_the_cached_record()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var (informer, sink, handler) = Offline(client);

        sink.Replace([sink.Prepare(Versioned(Map("a", "red"), "1"))], isInitialList: true);
        sink.Apply("MODIFIED", sink.Prepare(Versioned(Map("a", "blue"), "1")));
        sink.Apply("MODIFIED", sink.Prepare(Versioned(Map("a", "green"), "2")));
        sink.Apply("DELETED", sink.Prepare(Versioned(Map("a", "green", poison: true), "3")));

        handler.Calls.Should().Equal("add default/a red initial", "update default/a red->green", "delete default/a green");
        informer.Store.List().Should().BeEmpty();
    }

    [Test]
    public void A_new_version_whose_record_is_equal_only_moves_the_resource_version()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var (informer, sink, handler) = Offline(client);
        sink.Replace([sink.Prepare(Versioned(Map("a", "red"), "1"))], isInitialList: true);
        var (version, cached) = (informer.Store.Version, informer.Store.Get(Key("a")));

        var heartbeat = Versioned(Map("a", "red"), "2");
        heartbeat.Metadata.Labels = new Dictionary<string, string> { ["beat"] = "1" };
        sink.Apply("MODIFIED", sink.Prepare(heartbeat));

        handler.Calls.Should().Equal("add default/a red initial");
        informer.Store.Version.Should().Be(version);
        informer.Store.Get(Key("a")).Should().BeSameAs(cached);
        informer.CachedResourceVersion(Key("a")).Should().Be("2");
        sink.Apply("MODIFIED", sink.Prepare(Versioned(Map("a", "blue"), "3")));
        handler.Calls.Should().Equal("add default/a red initial", "update default/a red->blue");
        informer.Store.Version.Should().BeGreaterThan(version);
    }

    // An informer fed by hand through its sink (no server: the client points nowhere), with a recording handler.
    private static (Informer<V1ConfigMap, ConfigMapColour> Informer, IReflectorSink<V1ConfigMap, ConfigMapColour> Sink, RecordingHandler<ConfigMapColour> Handler) Offline(Kubernetes client)
    {
        var informer = new Informer<V1ConfigMap, ConfigMapColour>(
            new KubeApiConnection(client), new InformerOptions(), new InformerSetup<V1ConfigMap, ConfigMapColour>(From), new FakeTimeProvider(), NullLogger.Instance);
        var handler = new RecordingHandler<ConfigMapColour>(Describe);
        informer.AddEventHandler(handler);
        return (informer, informer, handler);
    }

    private static V1ConfigMap Versioned(V1ConfigMap map, string resourceVersion)
    {
        map.Metadata.ResourceVersion = resourceVersion;
        return map;
    }
}
