using k8s.Models;
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
internal sealed class EndpointSliceChangeMapper(IInformerFactory informers, FactsCache facts)
{
    /// <summary>The keys to requeue for <paramref name="change"/>.</summary>
    public IReadOnlyList<ObjectKey> Map(ObjectChange<V1EndpointSlice> change)
    {
        // The initial list: every Service is enqueued by its own informer's initial list, and nothing is reconciled
        // before every cache has synced, so mapping these adds (nodes × Services) would only repeat that.
        if (!informers.GetInformer<V1EndpointSlice>().HasSynced)
        {
            return [];
        }

        var old = change.Old is null ? null : facts.Slice(change.Old);
        var @new = change.New is null ? null : facts.Slice(change.New);
        if (old is not null && @new is not null && old.SameForPlanning(@new))
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
        if (informers.GetInformer<V1Service>().Store.Get(key) is { } service && facts.Service(service) is { IsManaged: true, IsLocal: true })
        {
            keys.Add(key);
        }
    }
}
