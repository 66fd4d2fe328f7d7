using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The Node watch of the Service controller: maps a node change to the managed Services whose plan it can alter
/// (<see cref="NodeImpact"/>); a change of nothing the domain reads (a heartbeat: the cached facts are equal) maps
/// to none.
/// </summary>
internal sealed class NodeChangeMapper(IInformerFactory informers, PlanningOptions planning, WrittenStatuses written)
{
    /// <summary>The keys to requeue for <paramref name="change"/>.</summary>
    public IReadOnlyList<ObjectKey> Map(ObjectChange<NodeFacts> change)
    {
        // The initial list: every Service is enqueued by its own informer's initial list, and nothing is reconciled
        // before every cache has synced, so mapping these adds (nodes × Services) would only repeat that.
        if (!informers.GetInformer<NodeFacts>().HasSynced)
        {
            return [];
        }

        var (old, @new) = (change.Old, change.New);
        if (old == @new)
        {
            return [];
        }

        var nodeName = (@new ?? old)!.Name;
        HashSet<ObjectKey>? withEndpoints = null;
        var keys = new List<ObjectKey>();
        foreach (var service in informers.GetInformer<CachedService>().Store.ByIndex(CacheIndexes.ManagedServices, CacheIndexes.ManagedValue))
        {
            var key = service.Key;
            if (written.CacheIsBehind(key, service))
            {
                // The cached status predates our last write, so the rules below would judge it by what it was.
                keys.Add(key);
                continue;
            }

            var hasEndpoint = service.Facts.IsLocal && (withEndpoints ??= ServicesWithEndpointsOn(nodeName)).Contains(key);
            if (NodeImpact.AffectsService(service, old, @new, hasEndpoint, planning))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    // A scan, not an index: a node-to-slices index costs ~11 MB at 5,000 nodes and 300,000 endpoints, while this runs
    // only for node changes that can alter a plan (heartbeats return above) and costs a binary search per slice.
    private HashSet<ObjectKey> ServicesWithEndpointsOn(string nodeName)
    {
        var keys = new HashSet<ObjectKey>();
        foreach (var slice in informers.GetInformer<EndpointSliceFacts>().Store.List())
        {
            if (slice.ServiceName is { } service && slice.CountsOn(nodeName))
            {
                keys.Add(new ObjectKey(slice.Namespace, service));
            }
        }

        return keys;
    }
}
