namespace NodeIpam.Operator.Domain;

/// <summary>
/// The decision for one Service: its ingress addresses and why. Immutable. The per-node explanation is computed
/// on first use of <see cref="ExplainNodes"/> from the inputs given to <see cref="ServicePlanner"/>, which the
/// caller must therefore not mutate while it may still ask.
/// </summary>
internal sealed class ServicePlan
{
    private static readonly IReadOnlyList<NodeDecision> NoDecisions = [];
    private readonly Lazy<IReadOnlyList<NodeDecision>> decisions;

    internal ServicePlan(ServiceFacts service, Func<IReadOnlyList<NodeDecision>>? explain)
    {
        Namespace = service.Namespace;
        Name = service.Name;
        Managed = service.IsManaged;
        UnmanagedReason = service.UnmanagedReason;
        decisions = new Lazy<IReadOnlyList<NodeDecision>>(explain ?? (() => NoDecisions), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The Service's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The Service's name.</summary>
    public string Name { get; }

    /// <summary>Whether the operator owns this Service's load-balancer status.</summary>
    public bool Managed { get; }

    /// <summary>Why not, when not <see cref="Managed"/>.</summary>
    public string? UnmanagedReason { get; }

    /// <summary>The ingress IPs, canonical, in family order then numerically ascending, without duplicates.</summary>
    public IReadOnlyList<string> Ingress { get; init; } = [];

    /// <summary>Warnings, in a stable order that does not depend on the order of the inputs.</summary>
    public IReadOnlyList<PlanWarning> Warnings { get; init; } = [];

    /// <summary>An error that prevents planning (an invalid selector); then the current status must be kept.</summary>
    public string? Error { get; init; }

    /// <summary>Per family of the Service, in order: which address type it advertises.</summary>
    public IReadOnlyList<FamilyChoice> Families { get; init; } = [];

    /// <summary>How many nodes were considered.</summary>
    public int NodeCount { get; init; }

    /// <summary>How many nodes are selected (eligible, matching, and for Local running an endpoint).</summary>
    public int SelectedNodeCount { get; init; }

    /// <summary>
    /// The earliest future instant at which the plan can change with no change of its inputs (a NotReady node's grace
    /// running out); null when none. The controller looks at the Service again then.
    /// </summary>
    public DateTimeOffset? NextChangeAt { get; init; }

    /// <summary>The cap from <see cref="WellKnown.MaxAddressesPerFamilyAnnotation"/> that limited the ingress; null when none did.</summary>
    public int? CappedPerFamily { get; init; }

    /// <summary>True when the controller must leave the Service's status as it is (managed, but the plan has an error).</summary>
    public bool KeepsCurrentStatus => Managed && Error is not null;

    /// <summary>For every node, sorted by name: selected or why not. Empty for unmanaged Services.</summary>
    public IReadOnlyList<NodeDecision> ExplainNodes() => decisions.Value;
}
