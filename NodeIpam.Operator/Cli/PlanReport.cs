using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>The <c>plan -o json|yaml</c> document: <c>{"services":[...]}</c>.</summary>
/// <param name="Services">Every Service, sorted by namespace then name.</param>
internal sealed record PlanReport(IReadOnlyList<ServiceReport> Services)
{
    /// <summary>Builds the report; node decisions are computed here, for output only.</summary>
    public static PlanReport From(IReadOnlyList<(ServiceFacts Service, ServicePlan Plan)> results) =>
        new([.. results.Select(r => ServiceReport.From(r.Plan))]);
}
