using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Caching;

/// <summary>The secondary indexes of the operator's caches: names, and the values cached records are found under.</summary>
internal static class CacheIndexes
{
    /// <summary>Services by whether they are ours: the only value is <see cref="ManagedValue"/>.</summary>
    public const string ManagedServices = "managed";

    /// <summary>The value under which <see cref="ManagedServices"/> lists the managed Services.</summary>
    public const string ManagedValue = "true";

    /// <summary>EndpointSlices by their Service, <c>namespace/name</c> (from the <c>kubernetes.io/service-name</c> label).</summary>
    public const string SlicesByService = "service";

    /// <summary>The <see cref="SlicesByService"/> value of a Service.</summary>
    public static string ServiceValue(string ns, string name) => $"{ns}/{name}";

    /// <summary>The <see cref="ManagedServices"/> values of a cached Service.</summary>
    public static IEnumerable<string> ManagedValues(CachedService service) =>
        service.Facts.IsManaged ? [ManagedValue] : [];

    /// <summary>The <see cref="SlicesByService"/> values of a slice (none without the service-name label).</summary>
    public static IEnumerable<string> ServiceValues(EndpointSliceFacts slice) =>
        !string.IsNullOrEmpty(slice.ServiceName) ? [ServiceValue(slice.Namespace, slice.ServiceName)] : [];
}
