using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>The <c>plan</c> command's validated options (<see cref="PlanCommand"/> reads them from the command line).</summary>
/// <param name="Sources">Files, directories or "-" for standard input; empty: read the live cluster.</param>
/// <param name="Management">Which Services count as ours.</param>
/// <param name="Output">The output format.</param>
/// <param name="Namespace">-n (or the namespace of --service); null: the context's namespace live, every namespace offline.</param>
/// <param name="Name">Only this Service, with the full explanation; null for all.</param>
/// <param name="AllNamespaces">-A: every namespace.</param>
/// <param name="Kubeconfig">--kubeconfig (live only); null: kubectl's lookup.</param>
/// <param name="Context">--context (live only); null: the kubeconfig's current context.</param>
internal sealed record PlanOptions(
    IReadOnlyList<string> Sources,
    ManagementOptions Management,
    PlanOutput Output,
    string? Namespace = null,
    string? Name = null,
    bool AllNamespaces = false,
    string? Kubeconfig = null,
    string? Context = null)
{
    /// <summary>Without -n, a NAME is looked up in this namespace, as kubectl does.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>The NotReady rule (--exclude-not-ready-nodes, --not-ready-grace).</summary>
    public PlanningOptions Planning { get; init; } = PlanningOptions.Default;

    /// <summary>--now; null: the current time.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>True when the objects come from files rather than from a cluster.</summary>
    public bool Offline => Sources.Count > 0;
}
