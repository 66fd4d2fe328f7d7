using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The informer transforms: each cached object keeps only what the domain and the controller read, with repeated
/// strings shared (<see cref="NamePool"/>), so 5,000 nodes and 300,000 endpoints cost little memory (no images,
/// conditions, capacity, pods or endpoint addresses) and a Service with 1,000 ports or a huge annotation is cached
/// small. Of a node's conditions only Ready's status and lastTransitionTime are kept (never its heartbeat), so a
/// heartbeat makes an equal copy. Because nothing else is kept, two cached versions that differ only in resourceVersion differ in nothing
/// the operator reads.
/// </summary>
internal sealed class CacheTransforms(FactsCache facts)
{
    private readonly NamePool _names = facts.Names;

    /// <summary>Node: name, uid, resourceVersion, labels, deletionTimestamp, taints, status.addresses, the Ready condition's status and lastTransitionTime.</summary>
    public V1Node Node(V1Node node) => new()
    {
        ApiVersion = node.ApiVersion,
        Kind = node.Kind,
        Metadata = Identity(node.Metadata, labels: _names.Share(node.Metadata?.Labels), deletion: node.Metadata?.DeletionTimestamp),
        Spec = node.Spec?.Taints is { Count: > 0 } taints ? new V1NodeSpec { Taints = taints } : null,
        Status = new V1NodeStatus
        {
            Addresses = node.Status?.Addresses?
                .Select(a => a is null ? a! : new V1NodeAddress { Address = Shared(a.Address)!, Type = Shared(a.Type)! })
                .ToList(),
            Conditions = node.Status?.Conditions?.FirstOrDefault(c => c?.Type == WellKnown.ReadyCondition) is { } ready
                ? [new V1NodeCondition { Type = WellKnown.ReadyCondition, Status = Shared(ready.Status)!, LastTransitionTime = ready.LastTransitionTime }]
                : null,
        },
    };

    /// <summary>
    /// Service: identity, our annotations only, deletionTimestamp, the spec fields that decide management, policy and
    /// families, status.loadBalancer and our own condition only (other controllers' conditions are not ours to read).
    /// </summary>
    public V1Service Service(V1Service service)
    {
        var metadata = service.Metadata;
        Dictionary<string, string>? annotations = null;
        foreach (var name in WellKnown.ServiceAnnotations)
        {
            if (metadata?.Annotations?.TryGetValue(name, out var value) == true)
            {
                (annotations ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
            }
        }

        var spec = service.Spec;
        var loadBalancer = service.Status?.LoadBalancer;
        return new V1Service
        {
            ApiVersion = service.ApiVersion,
            Kind = service.Kind,
            Metadata = Identity(
                metadata,
                annotations: annotations,
                deletion: metadata?.DeletionTimestamp),
            Spec = spec is null ? null : new V1ServiceSpec
            {
                Type = spec.Type,
                LoadBalancerClass = spec.LoadBalancerClass,
                ExternalTrafficPolicy = spec.ExternalTrafficPolicy,
                IpFamilies = spec.IpFamilies,
                ClusterIP = spec.ClusterIP,
                ClusterIPs = spec.ClusterIPs,
            },
            Status = new V1ServiceStatus
            {
                LoadBalancer = loadBalancer?.Ingress is null ? loadBalancer : new V1LoadBalancerStatus
                {
                    Ingress = [.. loadBalancer.Ingress.Select(i => i is null ? i! : _names.Share(i))],
                },
                Conditions = service.Status?.Conditions?.Where(c => c?.Type == ServiceStatusNames.ConditionType).ToList() is { Count: > 0 } ours
                    ? ours
                    : null,
            },
        };
    }

    /// <summary>
    /// EndpointSlice: identity and the service-name label; no endpoints. Their planning facts are extracted here from
    /// the full object and registered in <see cref="FactsCache"/> for the cached one.
    /// </summary>
    public V1EndpointSlice EndpointSlice(V1EndpointSlice slice)
    {
        var metadata = slice.Metadata;
        string? service = null;
        var hasService = metadata?.Labels?.TryGetValue(WellKnown.ServiceNameLabel, out service) == true;
        var cached = new V1EndpointSlice
        {
            ApiVersion = slice.ApiVersion,
            Kind = slice.Kind,
            AddressType = slice.AddressType,
            Metadata = Identity(
                metadata,
                labels: hasService ? new Dictionary<string, string> { [WellKnown.ServiceNameLabel] = service! } : null),
        };
        facts.Register(cached, EndpointSliceFacts.From(slice, _names.Share));
        return cached;
    }

    private string? Shared(string? value) => value is null ? null : _names.Share(value);

    // What every cached object keeps of its metadata: the identity (name, namespace, uid, resourceVersion), plus
    // what the caller passes of the rest.
    private V1ObjectMeta Identity(
        V1ObjectMeta? metadata,
        IDictionary<string, string>? labels = null,
        IDictionary<string, string>? annotations = null,
        DateTime? deletion = null) => new()
        {
            Name = Shared(metadata?.Name),
            NamespaceProperty = Shared(metadata?.NamespaceProperty),
            Uid = metadata?.Uid,
            ResourceVersion = metadata?.ResourceVersion,
            Labels = labels,
            Annotations = annotations,
            DeletionTimestamp = deletion,
        };
}
