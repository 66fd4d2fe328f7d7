namespace NodeIpam.Operator.Domain;

/// <summary>
/// Why a node may not carry load-balancer traffic: the node predicates of KEP-3458 (cloud-provider's service
/// controller), which Cilium's Node IPAM also applies. Cordoned and other tainted nodes stay eligible; NotReady nodes
/// too, unless a Service asks otherwise (<see cref="NotReady"/>).
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

    /// <summary>
    /// The node's Ready condition has been False or Unknown for longer than the grace, and the Service leaves such
    /// nodes out. Never part of <see cref="NodeFacts.Exclusions"/>: it depends on the Service and the time
    /// (<see cref="NotReadyRule"/>).
    /// </summary>
    NotReady = 8,
}
