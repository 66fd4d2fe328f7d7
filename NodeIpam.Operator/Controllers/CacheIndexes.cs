using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Controllers;

/// <summary>The secondary indexes of the operator's caches: names, and the values objects are found under.</summary>
internal static class CacheIndexes
{
    /// <summary>Services by whether they are ours: the only value is <see cref="ManagedValue"/>.</summary>
    public const string ManagedServices = "managed";

    /// <summary>The value under which <see cref="ManagedServices"/> lists the managed Services.</summary>
    public const string ManagedValue = "true";

    /// <summary>EndpointSlices by their Service, <c>namespace/name</c> (from the <c>kubernetes.io/service-name</c> label).</summary>
    public const string SlicesByService = "service";

    /// <summary>EndpointSlices by the nodeName of any of their endpoints, to find the Local Services a node change concerns.</summary>
    public const string SlicesByNode = "node";

    /// <summary>The <see cref="SlicesByService"/> value of a Service.</summary>
    public static string ServiceValue(string ns, string name) => $"{ns}/{name}";

    /// <summary>The <see cref="ManagedServices"/> values of a Service.</summary>
    public static IEnumerable<string> ManagedValues(FactsCache facts, V1Service service) =>
        facts.Service(service).IsManaged ? [ManagedValue] : [];

    /// <summary>The <see cref="SlicesByService"/> values of a slice (none without the service-name label).</summary>
    public static IEnumerable<string> ServiceValues(V1EndpointSlice slice) =>
        slice.Metadata?.Labels?.TryGetValue(WellKnown.ServiceNameLabel, out var service) == true && !string.IsNullOrEmpty(service)
            ? [ServiceValue(slice.Metadata.NamespaceProperty ?? string.Empty, service)]
            : [];

    /// <summary>
    /// The <see cref="SlicesByNode"/> values of a slice: the distinct nodes of its endpoints that can count (ready, or
    /// serving and terminating); a node with only other endpoints cannot change a plan.
    /// </summary>
    public static IEnumerable<string> NodeValues(FactsCache facts, V1EndpointSlice slice)
    {
        var sliceFacts = facts.Slice(slice);
        return sliceFacts.ReadyNodeNames.Union(sliceFacts.ServingTerminatingNodeNames, StringComparer.Ordinal);
    }
}
