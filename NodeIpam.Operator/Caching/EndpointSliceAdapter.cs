using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// Turns an EndpointSlice as read from the API into the <see cref="EndpointSliceFacts"/> the slice cache keeps: its
/// identity, its Service and a summary of its endpoints (no endpoint objects are kept). An endpoint's conditions are
/// defaulted as the API documents them: ready absent = true; serving absent = as ready; terminating absent = false.
/// Never throws on odd content.
/// </summary>
internal sealed class EndpointSliceAdapter(NamePool names)
{
    /// <summary>The facts of <paramref name="slice"/>, without sharing (offline <c>plan</c>, tests).</summary>
    public static EndpointSliceFacts From(V1EndpointSlice slice) => Adapt(slice, share: null);

    /// <summary>Registers the EndpointSlice informer: what this adapter never reads skipped on read, and the index by Service.</summary>
    public static void Configure(InformerSetup<V1EndpointSlice, EndpointSliceFacts> setup) =>
        setup.SkipOnRead<V1ObjectMeta>("annotations", "managedFields", "ownerReferences")
            .SkipOnRead<V1EndpointSlice>("ports")
            .SkipOnRead<V1Endpoint>("deprecatedTopology", "hints", "hostname", "zone")
            .AddIndex(CacheIndexes.SlicesByService, CacheIndexes.ServiceValues);

    /// <summary>The facts of <paramref name="slice"/>, its names shared.</summary>
    public EndpointSliceFacts Adapt(V1EndpointSlice slice) => Adapt(slice, names.Share);

    private static EndpointSliceFacts Adapt(V1EndpointSlice slice, Func<string, string>? share)
    {
        string? service = null;
        _ = slice.Metadata?.Labels?.TryGetValue(WellKnown.ServiceNameLabel, out service);
        return EndpointSliceFacts.Create(
            slice.Metadata?.NamespaceProperty ?? string.Empty,
            slice.Metadata?.Name ?? string.Empty,
            service,
            (slice.Endpoints ?? []).Where(e => e is not null).Select(Endpoint),
            share);
    }

    private static EndpointFacts Endpoint(V1Endpoint endpoint)
    {
        var conditions = endpoint.Conditions;
        var ready = conditions?.Ready ?? true;
        var servingAndTerminating = (conditions?.Serving ?? ready) && (conditions?.Terminating ?? false);
        var display = endpoint.TargetRef?.Name ?? endpoint.Addresses?.FirstOrDefault() ?? "(unnamed endpoint)";
        return new EndpointFacts(endpoint.NodeName, ready, servingAndTerminating, display);
    }
}
