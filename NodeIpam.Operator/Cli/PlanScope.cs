namespace NodeIpam.Operator.Cli;

/// <summary>Which Services a plan covers.</summary>
/// <param name="Namespace">Only this namespace; null for all.</param>
/// <param name="Name">Only the Service of this name (in <paramref name="Namespace"/>); null for all.</param>
internal sealed record PlanScope(string? Namespace, string? Name);
