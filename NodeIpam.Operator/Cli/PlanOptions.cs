using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>The <c>plan</c> command's validated options (<see cref="PlanCommand"/> reads them from the command line).</summary>
/// <param name="Sources">Files, directories or "-" for standard input; at least one.</param>
/// <param name="Management">Which Services count as ours.</param>
/// <param name="Output">The output format.</param>
/// <param name="Service">Only this Service (namespace/name), with the full explanation; null for all.</param>
internal sealed record PlanOptions(IReadOnlyList<string> Sources, ManagementOptions Management, PlanOutput Output, (string Namespace, string Name)? Service);
