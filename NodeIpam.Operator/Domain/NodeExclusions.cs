namespace NodeIpam.Operator.Domain;

/// <summary>
/// Why a node may not carry load-balancer traffic: the node predicates of KEP-3458 (cloud-provider's service
/// controller), which Cilium's Node IPAM also applies. NotReady, cordoned and other tainted nodes stay eligible.
/// </summary>
[Flags]
internal enum NodeExclusions
{
    /// <summary>Eligible.</summary>
    None = 0,

    /// <summary>The node has a <c>deletionTimestamp</c>.</summary>
    BeingDeleted = 1,

    /// <summary>The node has the label <c>node.kubernetes.io/exclude-from-external-load-balancers</c> (any value).</summary>
    ExcludeLabel = 2,

    /// <summary>The node has a taint with key <c>ToBeDeletedByClusterAutoscaler</c> (any value or effect).</summary>
    ToBeDeletedTaint = 4,
}
