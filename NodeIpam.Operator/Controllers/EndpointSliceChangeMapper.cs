using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The EndpointSlice watch of the Service controller: a slice change requeues its Service only when that Service is
/// managed with <c>externalTrafficPolicy: Local</c> (the only case the domain reads slices) and the slice's node set
/// or readiness changed (or the slice appeared, vanished or moved to another Service).
/// </summary>
internal sealed class EndpointSliceChangeMapper(IInformerFactory informers)
{
    /// <summary>The keys to requeue for <paramref name="change"/>.</summary>
    public IReadOnlyList<ObjectKey> Map(ObjectChange<EndpointSliceFacts> change)
    {
        // The initial list: every Service is enqueued by its own informer's initial list, and nothing is reconciled
        // before every cache has synced, so mapping these adds (nodes × Services) would only repeat that.
        if (!informers.GetInformer<EndpointSliceFacts>().HasSynced)
        {
            return [];
        }

        var (old, @new) = (change.Old, change.New);
        if (old == @new)
        {
            return [];
        }

        var keys = new List<ObjectKey>(2);
        AddIfLocal(old, keys);
        if (@new?.ServiceName != old?.ServiceName)
        {
            AddIfLocal(@new, keys);
        }

        return keys;
    }

    private void AddIfLocal(EndpointSliceFacts? slice, List<ObjectKey> keys)
    {
        if (slice?.ServiceName is not { } name)
        {
            return;
        }

        var key = new ObjectKey(slice.Namespace, name);
        if (informers.GetInformer<CachedService>().Store.Get(key) is { Facts: { IsManaged: true, IsLocal: true } })
        {
            keys.Add(key);
        }
    }
}
