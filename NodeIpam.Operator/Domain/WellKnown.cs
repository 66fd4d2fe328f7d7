namespace NodeIpam.Operator.Domain;

/// <summary>Names the operator shares with Kubernetes and with Cilium's Node IPAM; one place for each.</summary>
internal static class WellKnown
{
    /// <summary>The <c>spec.loadBalancerClass</c> we own; Cilium's value, so Services move between the two unchanged.</summary>
    public const string LoadBalancerClass = "io.cilium/node";

    /// <summary>Service annotation holding the node label selector; Cilium's name, for the same reason.</summary>
    public const string MatchNodeLabelsAnnotation = "io.cilium.nodeipam/match-node-labels";

    /// <summary>Node label that removes a node from every load balancer (k8s.io/api LabelNodeExcludeBalancers).</summary>
    public const string ExcludeFromLoadBalancersLabel = "node.kubernetes.io/exclude-from-external-load-balancers";

    /// <summary>Taint the Cluster Autoscaler puts on a node it is about to delete (KEP-3458 node predicates).</summary>
    public const string ToBeDeletedTaint = "ToBeDeletedByClusterAutoscaler";

    /// <summary>EndpointSlice label naming the owning Service (k8s.io/api discovery/v1 LabelServiceName).</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>The Service type we act on.</summary>
    public const string LoadBalancerType = "LoadBalancer";

    /// <summary>The <c>externalTrafficPolicy</c> value that restricts addresses to nodes with endpoints.</summary>
    public const string LocalTrafficPolicy = "Local";

    /// <summary>Node address type preferred for advertising, per family.</summary>
    public const string ExternalIpType = "ExternalIP";

    /// <summary>Node address type used for a family when no selected node has an ExternalIP of it.</summary>
    public const string InternalIpType = "InternalIP";

    /// <summary>Service annotation overriding --exclude-not-ready-nodes: "true" or "false".</summary>
    public const string ExcludeNotReadyNodesAnnotation = "nodeipam.io/exclude-not-ready-nodes";

    /// <summary>Service annotation capping the addresses advertised per family: a whole number, at least 1.</summary>
    public const string MaxAddressesPerFamilyAnnotation = "nodeipam.io/max-addresses-per-family";

    /// <summary>The node condition whose status and transition time the NotReady rule reads.</summary>
    public const string ReadyCondition = "Ready";

    /// <summary>A condition status.</summary>
    public const string ConditionFalse = "False";

    /// <summary>A condition status: the node controller lost contact with the kubelet.</summary>
    public const string ConditionUnknown = "Unknown";

    /// <summary>Every Service annotation the planner reads: the cache keeps these and the change filter compares them.</summary>
    public static readonly string[] ServiceAnnotations =
        [MatchNodeLabelsAnnotation, ExcludeNotReadyNodesAnnotation, MaxAddressesPerFamilyAnnotation];
}
