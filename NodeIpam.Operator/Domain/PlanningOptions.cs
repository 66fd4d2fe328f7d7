namespace NodeIpam.Operator.Domain;

/// <summary>
/// The operator-wide planning rules beyond which Services are ours: whether NotReady nodes are left out (a Service's
/// <see cref="WellKnown.ExcludeNotReadyNodesAnnotation"/> overrides it) and after which grace. Immutable.
/// </summary>
internal sealed record PlanningOptions
{
    /// <summary>
    /// How long a node's Ready condition must have been False or Unknown before the node is left out: 40 s. The node
    /// lifecycle controller already waits its own grace (40 s by default) before it sets Unknown, so this only adds a
    /// short margin against a flapping kubelet and keeps a node that misses one update in service.
    /// </summary>
    public static readonly TimeSpan DefaultNotReadyGrace = TimeSpan.FromSeconds(40);

    /// <summary>Cilium's rule: NotReady nodes stay eligible.</summary>
    public static PlanningOptions Default { get; } = new();

    /// <summary>--exclude-not-ready-nodes: leave out nodes NotReady for longer than <see cref="NotReadyGrace"/>.</summary>
    public bool ExcludeNotReadyNodes { get; init; }

    /// <summary>--not-ready-grace; measured from the Ready condition's lastTransitionTime.</summary>
    public TimeSpan NotReadyGrace { get; init; } = DefaultNotReadyGrace;
}
