using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Tests.Storage;

public sealed class WatchHistoryTests
{
    private static WatchEvent Event(long rv) =>
        new("ADDED", new StoredObject(ResourceCatalog.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"n{rv}" } }, rv), null);

    [Test]
    public void Replays_events_after_a_version_while_they_are_held()
    {
        var history = new WatchHistory(3);
        foreach (var rv in new long[] { 1, 2, 3, 4 })
        {
            history.Add(Event(rv));
        }

        history.After(1)!.Select(e => e.ResourceVersion).Should().Equal(2, 3, 4);
        history.After(0).Should().BeNull("event 1 was evicted");
        history.After(4).Should().BeEmpty();
    }

    [Test]
    public void Compaction_expires_every_older_version()
    {
        var history = new WatchHistory(10);
        history.Add(Event(1));
        history.Compact(5);

        history.After(4).Should().BeNull();
        history.After(5).Should().BeEmpty();
    }

    [Test]
    public void A_frame_is_built_once_and_shared()
    {
        var e = Event(7);

        e.Frame("ADDED").Should().BeSameAs(e.Frame("ADDED"));
        System.Text.Encoding.UTF8.GetString(e.Frame("DELETED")).Should().StartWith("""{"type":"DELETED","object":{""").And.EndWith("}\n");
    }
}
