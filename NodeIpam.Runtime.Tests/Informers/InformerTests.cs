using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>The cache and handler semantics, driven through the reflector's sink without a server.</summary>
public class InformerTests
{
    private static Informer<V1Node, V1Node> NewInformer(InformerSetup<V1Node>? setup = null)
    {
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        return new Informer<V1Node, V1Node>(
            new KubeApiConnection(client), new InformerOptions(), setup ?? new InformerSetup<V1Node>(), new FakeTimeProvider(), NullLogger.Instance);
    }

    private static V1Node Node(string name, string resourceVersion, string? zone = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            ResourceVersion = resourceVersion,
            Labels = zone is null ? null : new Dictionary<string, string> { ["zone"] = zone },
            ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubelet" }],
        },
        Status = new V1NodeStatus { Images = [new V1ContainerImage { Names = ["big"] }] },
    };

    /// <summary>A node as the sink gets it from a plain informer's adapter: keyed and versioned from its metadata.</summary>
    private static CacheEntry<V1Node> Entry(string name, string resourceVersion) => new(ObjectKey.Cluster(name), resourceVersion, Node(name, resourceVersion));

    [Test]
    public async Task Initial_list_is_cached_then_reported_as_initial_adds_and_marks_the_informer_synced()
    {
        var informer = NewInformer();
        var handler = new RecordingHandler<V1Node>();
        informer.AddEventHandler(handler);
        informer.HasSynced.Should().BeFalse();

        ((IReflectorSink<V1Node, V1Node>)informer).Replace([Entry("a", "1"), Entry("b", "2")], isInitialList: true);

        await informer.WaitForSyncAsync(CancellationToken.None);
        handler.Calls.Should().Equal("add a 1 initial", "add b 2 initial");
        informer.Store.List().Should().HaveCount(2);
    }

    [Test]
    public void Watch_events_update_the_cache_and_unchanged_resource_versions_are_not_reported()
    {
        var informer = NewInformer();
        var sink = (IReflectorSink<V1Node, V1Node>)informer;
        var handler = new RecordingHandler<V1Node>();
        informer.AddEventHandler(handler);
        sink.Replace([Entry("a", "1")], isInitialList: true);

        sink.Apply("MODIFIED", Entry("a", "1"));
        sink.Apply("MODIFIED", Entry("a", "3"));
        sink.Apply("ADDED", Entry("b", "4"));
        sink.Apply("DELETED", Entry("a", "5"));

        handler.Calls.Should().Equal("add a 1 initial", "update a 1->3", "add b 4", "delete a 5");
        informer.Store.Get(ObjectKey.Cluster("a")).Should().BeNull();
        informer.Store.Get(ObjectKey.Cluster("b"))!.Metadata.ResourceVersion.Should().Be("4");
    }

    [Test]
    public void A_relist_reports_vanished_objects_as_deletes_changed_as_updates_and_new_as_adds()
    {
        var informer = NewInformer();
        var sink = (IReflectorSink<V1Node, V1Node>)informer;
        var handler = new RecordingHandler<V1Node>();
        informer.AddEventHandler(handler);
        sink.Replace([Entry("keep", "1"), Entry("change", "2"), Entry("vanish", "3")], isInitialList: true);

        sink.Replace([Entry("keep", "1"), Entry("change", "7"), Entry("new", "8")], isInitialList: false);

        handler.Calls.Skip(3).Should().Equal("update change 2->7", "add new 8", "delete vanish 3");
        informer.Store.List().Select(n => n.Metadata.Name).Should().BeEquivalentTo("keep", "change", "new");
    }

    [Test]
    public void A_handler_added_after_sync_first_gets_every_cached_object_then_live_events()
    {
        var informer = NewInformer();
        var sink = (IReflectorSink<V1Node, V1Node>)informer;
        sink.Replace([Entry("a", "1"), Entry("b", "2")], isInitialList: true);
        var late = new RecordingHandler<V1Node>();

        informer.AddEventHandler(late);
        sink.Apply("ADDED", Entry("c", "3"));

        late.Calls.Should().BeEquivalentTo(["add a 1 initial", "add b 2 initial", "add c 3"], o => o.WithoutStrictOrdering());
        late.Calls[^1].Should().Be("add c 3");
    }

    [Test]
    public void A_throwing_handler_does_not_stop_the_others_nor_the_cache_and_a_disposed_handler_hears_nothing()
    {
        var informer = NewInformer();
        var sink = (IReflectorSink<V1Node, V1Node>)informer;
        informer.AddEventHandler(new ThrowingHandler());
        var handler = new RecordingHandler<V1Node>();
        var registration = informer.AddEventHandler(handler);

        sink.Replace([Entry("a", "1")], isInitialList: true);
        sink.Apply("MODIFIED", Entry("a", "2"));
        registration.Dispose();
        sink.Apply("MODIFIED", Entry("a", "3"));

        handler.Calls.Should().Equal("add a 1 initial", "update a 1->2");
        informer.Store.Get(ObjectKey.Cluster("a"))!.Metadata.ResourceVersion.Should().Be("3");
    }

    [Test]
    public void The_transform_and_managed_fields_stripping_apply_before_caching_and_indexes_see_the_result()
    {
        var setup = new InformerSetup<V1Node>
        {
            Transform = n => new V1Node
            {
                Metadata = n.Metadata,
                Status = new V1NodeStatus { Addresses = n.Status?.Addresses },
            },
        };
        setup.AddIndex("zone", n => n.Metadata.Labels is { } labels && labels.TryGetValue("zone", out var zone) ? [zone] : []);
        var informer = NewInformer(setup);

        var sink = (IReflectorSink<V1Node, V1Node>)informer;
        sink.Replace([sink.Prepare(Node("a", "1", zone: "z1")), sink.Prepare(Node("b", "1"))], isInitialList: true);

        var cached = informer.Store.Get(ObjectKey.Cluster("a"))!;
        cached.Metadata.ManagedFields.Should().BeNull();
        cached.Status.Images.Should().BeNull();
        informer.Store.ByIndex("zone", "z1").Should().ContainSingle().Which.Metadata.Name.Should().Be("a");
    }

    [Test]
    public void A_throwing_transform_caches_the_object_untransformed()
    {
        var informer = NewInformer(new InformerSetup<V1Node> { Transform = _ => throw new InvalidOperationException("bad transform") });

        var sink = (IReflectorSink<V1Node, V1Node>)informer;
        sink.Replace([sink.Prepare(Node("a", "1"))], isInitialList: true);

        informer.Store.Get(ObjectKey.Cluster("a"))!.Metadata.ManagedFields.Should().BeNull();
        informer.Store.Get(ObjectKey.Cluster("a"))!.Status.Images.Should().NotBeNull();
    }

    [Test]
    public void Registering_the_same_index_twice_is_a_clear_error()
    {
        var setup = new InformerSetup<V1Node>().AddIndex("x", _ => []);

        setup.Invoking(s => s.AddIndex("x", _ => [])).Should().Throw<ArgumentException>().WithMessage("*'x'*");
    }

    private sealed class ThrowingHandler : IResourceEventHandler<V1Node>
    {
        public void OnAdd(ObjectKey key, V1Node entity, bool isInInitialList) => throw new InvalidOperationException("handler bug");

        public void OnUpdate(ObjectKey key, V1Node oldEntity, V1Node newEntity) => throw new InvalidOperationException("handler bug");

        public void OnDelete(ObjectKey key, V1Node entity) => throw new InvalidOperationException("handler bug");
    }
}
