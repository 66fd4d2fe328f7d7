using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// Turns a Service as read from the API into the <see cref="CachedService"/> the Service cache keeps: the planner's
/// facts (only our annotations are read, so a huge foreign annotation costs nothing once read), the ingress and our
/// condition. What it never reads (ports, selector, managedFields) is skipped while the JSON is read. Never throws on
/// odd content.
/// </summary>
internal sealed class ServiceAdapter(NamePool names, ManagementOptions management)
{
    /// <summary>The cached form of <paramref name="service"/>, without sharing (tests, benchmarks).</summary>
    public static CachedService From(V1Service service, ManagementOptions management) => Adapt(service, management, share: null);

    /// <summary>The planner's facts of <paramref name="service"/> (offline <c>plan</c>, tests).</summary>
    public static ServiceFacts Facts(V1Service service, ManagementOptions management) =>
        ServiceFacts.Create(Source(service, share: null), management);

    /// <summary>Registers the Service informer's reading and its index of managed Services.</summary>
    public static void Configure(InformerSetup<V1Service, CachedService> setup) =>
        setup.SkipOnRead<V1ObjectMeta>("managedFields", "ownerReferences")
            .SkipOnRead<V1ServiceSpec>("ports", "selector")
            .AddIndex(CacheIndexes.ManagedServices, CacheIndexes.ManagedValues);

    /// <summary>The cached form of <paramref name="service"/>, its strings shared.</summary>
    public CachedService Adapt(V1Service service) => Adapt(service, management, names);

    private static CachedService Adapt(V1Service service, ManagementOptions management, NamePool? share)
    {
        var facts = ServiceFacts.Create(Source(service, share), management);
        var status = service.Status;
        var ours = status?.Conditions?.FirstOrDefault(c => c?.Type == ServiceStatusNames.ConditionType);

        // Every address is kept only where a decision reads them: releasing a Service that is not ours (the ingress
        // is cleared only while our condition's fingerprint matches it), and keeping the addresses of one whose
        // selector cannot be read. Otherwise the digest, the count and the first few suffice.
        var keepAll = !facts.IsManaged || facts.Selector.Selector is null;
        var ingress = status?.LoadBalancer?.Ingress is { Count: > 0 } entries
            ? IngressFacts.Read(
                entries.Where(e => e is not null).Select(e => ((string?)e.Ip, (string?)e.Hostname, (string?)e.IpMode, e.Ports is { Count: > 0 })),
                share is null ? static text => text : share.Share,
                keepAll)
            : IngressFacts.Empty;
        return new CachedService(
            facts,
            ingress,
            // Shared: 2,000 Services with the same plan carry the same condition texts.
            ours is null ? null : new OurCondition(
                Shared(share, ours.Status),
                Shared(share, ours.Reason),
                Shared(share, ours.Message),
                ours.LastTransitionTime is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null),
            service.Metadata?.ResourceVersion);
    }

    private static ServiceSource Source(V1Service service, NamePool? share)
    {
        var metadata = service.Metadata;
        Dictionary<string, string>? annotations = null;
        foreach (var name in WellKnown.ServiceAnnotations)
        {
            if (metadata?.Annotations?.TryGetValue(name, out var value) == true && value is not null)
            {
                (annotations ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
            }
        }

        var spec = service.Spec;
        return new ServiceSource(
            Shared(share, metadata?.NamespaceProperty) ?? string.Empty,
            Shared(share, metadata?.Name) ?? string.Empty,
            metadata?.Uid,
            metadata?.DeletionTimestamp is not null,
            spec?.Type,
            spec?.LoadBalancerClass,
            spec?.ExternalTrafficPolicy,
            spec?.IpFamilies?.ToArray(),
            spec?.ClusterIP,
            spec?.ClusterIPs?.ToArray(),
            annotations);
    }

    private static string? Shared(NamePool? share, string? value) => value is null || share is null ? value : share.Share(value);
}
