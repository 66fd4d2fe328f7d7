namespace NodeIpam.Operator.Domain;

/// <summary>Stable, machine-readable kinds of plan warnings (for events and metrics); the names never change meaning.</summary>
internal enum PlanWarningCode
{
    /// <summary>The cluster has no nodes at all.</summary>
    NoNodes,

    /// <summary>The selector annotation matches no node.</summary>
    NoNodeMatchesSelector,

    /// <summary>Nodes match, but every one of them is excluded (being deleted, exclusion label, autoscaler taint).</summary>
    AllMatchingNodesExcluded,

    /// <summary>Local policy: no EndpointSlice in the Service's namespace carries its service-name label.</summary>
    NoEndpointSlice,

    /// <summary>Local policy: there are endpoints, but none is ready, nor serving while terminating.</summary>
    NoReadyEndpoints,

    /// <summary>Local policy: no endpoint is ready, so the nodes of serving, terminating endpoints are used.</summary>
    TerminatingEndpointsUsed,

    /// <summary>Local policy: endpoints that count have no nodeName; they are skipped.</summary>
    EndpointWithoutNodeName,

    /// <summary>Local policy: endpoints that count name nodes that do not exist; they are skipped.</summary>
    EndpointOnUnknownNode,

    /// <summary>Local policy: nodes with endpoints exist, but none of them is eligible and matching the selector.</summary>
    NoEndpointOnEligibleNode,

    /// <summary>Nodes are selected, but none has an address of one of the Service's families.</summary>
    NoAddressOfFamily,

    /// <summary>An annotation of ours has a value that cannot be used; the operator's default applies instead.</summary>
    InvalidAnnotation,

    /// <summary>The ingress would make the Service too large for the API server; the lowest-ranked addresses are left out.</summary>
    IngressTooLarge,

    /// <summary>A selected node has an InternalIP or ExternalIP that is not a strict IP address; it is skipped.</summary>
    InvalidNodeAddress,

    /// <summary>A selected node has an InternalIP or ExternalIP that cannot receive traffic (loopback, link-local, multicast, ...); it is skipped.</summary>
    UnusableNodeAddress,
}
