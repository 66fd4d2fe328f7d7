using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The informer transforms: each cached object keeps only what the domain and the controller read, so 5,000 nodes
/// cost little memory (no images, conditions, capacity) and a Service with 1,000 ports or a huge annotation is
/// cached small. Because nothing else is kept, two cached versions that differ only in resourceVersion differ in
/// nothing the operator reads.
/// </summary>
internal static class CacheTransforms
{
    /// <summary>Node: name, uid, resourceVersion, labels, deletionTimestamp, taints, status.addresses.</summary>
    public static V1Node Node(V1Node node) => new()
    {
        ApiVersion = node.ApiVersion,
        Kind = node.Kind,
        Metadata = Identity(node.Metadata, labels: node.Metadata?.Labels, deletion: node.Metadata?.DeletionTimestamp),
        Spec = node.Spec?.Taints is { Count: > 0 } taints ? new V1NodeSpec { Taints = taints } : null,
        Status = new V1NodeStatus { Addresses = node.Status?.Addresses },
    };

    /// <summary>
    /// Service: identity, our annotation only, deletionTimestamp, the spec fields that decide management, policy and
    /// families, status.loadBalancer and our own condition only (other controllers' conditions are not ours to read).
    /// </summary>
    public static V1Service Service(V1Service service)
    {
        var metadata = service.Metadata;
        string? selector = null;
        var hasSelector = metadata?.Annotations?.TryGetValue(WellKnown.MatchNodeLabelsAnnotation, out selector) == true;
        var spec = service.Spec;
        return new V1Service
        {
            ApiVersion = service.ApiVersion,
            Kind = service.Kind,
            Metadata = Identity(
                metadata,
                annotations: hasSelector ? new Dictionary<string, string> { [WellKnown.MatchNodeLabelsAnnotation] = selector! } : null,
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
                LoadBalancer = service.Status?.LoadBalancer,
                Conditions = service.Status?.Conditions?.Where(c => c?.Type == ServiceStatusNames.ConditionType).ToList() is { Count: > 0 } ours
                    ? ours
                    : null,
            },
        };
    }

    /// <summary>EndpointSlice: identity, the service-name label, and per endpoint its node, conditions and a display name.</summary>
    public static V1EndpointSlice EndpointSlice(V1EndpointSlice slice)
    {
        var metadata = slice.Metadata;
        string? service = null;
        var hasService = metadata?.Labels?.TryGetValue(WellKnown.ServiceNameLabel, out service) == true;
        return new V1EndpointSlice
        {
            ApiVersion = slice.ApiVersion,
            Kind = slice.Kind,
            AddressType = slice.AddressType,
            Metadata = Identity(
                metadata,
                labels: hasService ? new Dictionary<string, string> { [WellKnown.ServiceNameLabel] = service! } : null),
            Endpoints = slice.Endpoints?.Where(e => e is not null).Select(e => new V1Endpoint
            {
                NodeName = e.NodeName,
                Conditions = e.Conditions,
                TargetRef = e.TargetRef?.Name is { } pod ? new V1ObjectReference { Kind = e.TargetRef.Kind, Name = pod } : null,
                Addresses = e.Addresses is { Count: > 0 } addresses ? [addresses[0]] : [],
            }).ToList(),
        };
    }

    // What every cached object keeps of its metadata: the identity (name, namespace, uid, resourceVersion), plus
    // what the caller passes of the rest.
    private static V1ObjectMeta Identity(
        V1ObjectMeta? metadata,
        IDictionary<string, string>? labels = null,
        IDictionary<string, string>? annotations = null,
        DateTime? deletion = null) => new()
        {
            Name = metadata?.Name,
            NamespaceProperty = metadata?.NamespaceProperty,
            Uid = metadata?.Uid,
            ResourceVersion = metadata?.ResourceVersion,
            Labels = labels,
            Annotations = annotations,
            DeletionTimestamp = deletion,
        };
}
