using k8s.Models;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CacheStoreTests
{
    private readonly List<string> _indexErrors = [];

    private static CacheEntry<V1Pod> Pod(string name, string node, string ns = "default") => new(
        new ObjectKey(ns, name),
        "1",
        new V1Pod { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = "1" }, Spec = new V1PodSpec { NodeName = node } });

    private CacheStore<V1Pod> NewStore() => new(
        new Dictionary<string, Func<V1Pod, IEnumerable<string>>>
        {
            ["node"] = p => [p.Spec.NodeName],
            ["broken"] = p => p.Metadata.Name == "bad" ? throw new InvalidOperationException("boom") : [p.Metadata.Name],
        },
        (index, key, _) => _indexErrors.Add($"{index} {key}"));

    [Test]
    public void Get_finds_objects_by_namespace_and_name()
    {
        var store = NewStore();
        store.Upsert(Pod("a", "n1", "ns1"));

        store.Get(new ObjectKey("ns1", "a"))!.Spec.NodeName.Should().Be("n1");
        store.Get(new ObjectKey("ns2", "a")).Should().BeNull();
        store.List().Should().ContainSingle();
    }

    [Test]
    public void ByIndex_follows_updates_and_removals()
    {
        var store = NewStore();
        store.Upsert(Pod("a", "n1"));
        store.Upsert(Pod("b", "n1"));
        store.Upsert(Pod("a", "n2"));

        store.ByIndex("node", "n1").Select(p => p.Metadata.Name).Should().Equal("b");
        store.ByIndex("node", "n2").Select(p => p.Metadata.Name).Should().Equal("a");

        store.Remove(new ObjectKey("default", "b"))!.Metadata.Name.Should().Be("b");
        store.ByIndex("node", "n1").Should().BeEmpty();
        store.Remove(new ObjectKey("default", "b")).Should().BeNull();
    }

    [Test]
    public void Version_moves_on_every_change_and_only_on_a_change()
    {
        var store = NewStore();
        store.Version.Should().Be(0);

        store.Upsert(Pod("a", "n1"));
        store.Upsert(Pod("a", "n2"));
        var afterWrites = store.Version;
        store.Get(new ObjectKey("default", "a"));
        store.List();
        store.Remove(new ObjectKey("default", "missing"));

        afterWrites.Should().Be(2);
        store.Version.Should().Be(afterWrites, "reads and removing what is not there change nothing");
        store.Remove(new ObjectKey("default", "a"));
        store.Version.Should().Be(3);
    }

    [Test]
    public void ByIndex_with_an_unknown_index_name_is_a_clear_error()
    {
        var store = NewStore();

        store.Invoking(s => s.ByIndex("nope", "x")).Should().Throw<ArgumentException>().WithMessage("*nope*");
    }

    [Test]
    public void A_throwing_index_function_leaves_only_that_object_out_of_that_index()
    {
        var store = NewStore();
        store.Upsert(Pod("bad", "n1"));
        store.Upsert(Pod("good", "n1"));

        store.Get(new ObjectKey("default", "bad")).Should().NotBeNull();
        store.ByIndex("node", "n1").Should().HaveCount(2);
        store.ByIndex("broken", "good").Should().ContainSingle();
        _indexErrors.Should().Contain("broken default/bad");
    }
}
