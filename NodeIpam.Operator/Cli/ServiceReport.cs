using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>One Service in the report. The issue fixes namespace..nodes; <c>reason</c> is extra.</summary>
internal sealed record ServiceReport(
    string Namespace,
    string Name,
    bool Managed,
    string Reason,
    IReadOnlyList<IngressReport> Ingress,
    IReadOnlyList<string> Warnings,
    string? Error,
    IReadOnlyList<NodeDecision> Nodes)
{
    /// <summary>Converts a plan.</summary>
    public static ServiceReport From(ServicePlan plan) => new(
        plan.Namespace,
        plan.Name,
        plan.Managed,
        PlanTableWriter.ShortReason(plan),
        [.. plan.Ingress.Select(ip => new IngressReport(ip))],
        [.. plan.Warnings.Select(w => w.Message)],
        plan.Error,
        plan.ExplainNodes());
}
