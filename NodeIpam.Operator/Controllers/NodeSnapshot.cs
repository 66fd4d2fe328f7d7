using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Every cached node's facts as one array, copied from the cache only when it changed since the last copy
/// (<see cref="IStore{TEntity}.Version"/>), so 2,000 reconciles in a row share one array instead of each copying
/// 5,000 nodes. Thread-safe; a reader may get a snapshot one change older than a concurrent writer's, which is fine:
/// that change requeues the Services it affects.
/// </summary>
internal sealed class NodeSnapshot(IInformerFactory informers)
{
    private Snapshot _current = new(-1, []);

    /// <summary>The facts of the cached nodes, and the cache version they are (at least) as new as.</summary>
    public (long Version, IReadOnlyCollection<NodeFacts> Nodes) Current()
    {
        var store = informers.GetInformer<NodeFacts>().Store;
        var version = store.Version;
        var current = Volatile.Read(ref _current);
        if (current.Version == version)
        {
            return (version, current.Nodes);
        }

        var nodes = store.List();
        Volatile.Write(ref _current, new Snapshot(version, nodes));
        return (version, nodes);
    }

    /// <summary>
    /// True when a node changed since <paramref name="version"/> (from <see cref="Current"/>). Heartbeats do not count:
    /// the cache keeps records without them, so a heartbeat is no change.
    /// </summary>
    public bool MovedSince(long version) => informers.GetInformer<NodeFacts>().Store.Version != version;

    private sealed record Snapshot(long Version, IReadOnlyCollection<NodeFacts> Nodes);
}
