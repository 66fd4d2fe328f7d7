using System.Text;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Cli;

/// <summary>The human output of <c>plan</c>: one row per Service, or the full explanation of one.</summary>
internal static class PlanTableWriter
{
    private static readonly string[] ServiceHeader = ["SERVICE", "MANAGED", "ADDRESSES", "REASON"];
    private static readonly string[] NodeHeader = ["NODE", "SELECTED", "REASON"];

    /// <summary>A table: SERVICE, MANAGED, ADDRESSES, REASON.</summary>
    public static string Table(IReadOnlyList<(ServiceFacts Service, ServicePlan Plan)> results)
    {
        var rows = new List<string[]> { ServiceHeader };
        rows.AddRange(results.Select(r => new[]
        {
            $"{r.Plan.Namespace}/{r.Plan.Name}",
            r.Plan.Managed ? "yes" : "no",
            r.Plan.Ingress.Count > 0 ? string.Join(',', r.Plan.Ingress) : "-",
            ShortReason(r.Plan),
        }));
        return Columns(rows, indent: string.Empty);
    }

    /// <summary>Everything about one Service: the inputs that matter, the result, and every node's decision.</summary>
    public static string Explain((ServiceFacts Service, ServicePlan Plan) result)
    {
        var (service, plan) = result;
        var text = new StringBuilder();
        text.Append("Service:   ").Append(plan.Namespace).Append('/').Append(plan.Name).Append('\n');
        text.Append("Managed:   ").Append(plan.Managed ? "yes" : $"no, {plan.UnmanagedReason}").Append('\n');
        if (plan.Managed)
        {
            text.Append("Policy:    ").Append(service.IsLocal ? "Local (only nodes running endpoints)" : "Cluster (all nodes)").Append('\n');
            text.Append("Selector:  ").Append(string.IsNullOrWhiteSpace(service.SelectorText) ? "(none: every node)" : service.SelectorText).Append('\n');
            text.Append("Families:  ").Append(string.Join(", ", plan.Families.Count > 0 ? plan.Families.Select(Describe) : service.Families.Select(f => f.ToString()))).Append('\n');
            text.Append("Ingress:   ").Append(plan.Ingress.Count > 0 ? string.Join(", ", plan.Ingress) : "(none)").Append('\n');
            text.Append("Nodes:     ").Append(plan.SelectedNodeCount).Append(" of ").Append(plan.NodeCount).Append(" selected\n");
        }

        if (plan.Error is not null)
        {
            text.Append("Error:     ").Append(plan.Error).Append('\n');
        }

        if (plan.Warnings.Count > 0)
        {
            text.Append("Warnings:\n");
            foreach (var warning in plan.Warnings)
            {
                text.Append("  - ").Append(warning.Message).Append(" [").Append(warning.Code).Append("]\n");
            }
        }

        var decisions = plan.ExplainNodes();
        if (decisions.Count > 0)
        {
            text.Append('\n');
            var rows = new List<string[]> { NodeHeader };
            rows.AddRange(decisions.Select(d => new[] { d.Name, d.Selected ? "yes" : "no", d.Reason }));
            text.Append(Columns(rows, indent: string.Empty));
        }

        return text.ToString();
    }

    /// <summary>One line: the error, else the first warning, else what was selected, else why unmanaged.</summary>
    public static string ShortReason(ServicePlan plan)
    {
        if (!plan.Managed)
        {
            return plan.UnmanagedReason ?? "not managed";
        }

        if (plan.Error is not null)
        {
            return plan.Error;
        }

        if (plan.Warnings.Count > 0)
        {
            var more = plan.Warnings.Count - 1;
            return more > 0 ? $"{plan.Warnings[0].Message} (+{more} more)" : plan.Warnings[0].Message;
        }

        return $"{plan.SelectedNodeCount} of {plan.NodeCount} nodes selected; {string.Join(", ", plan.Families.Select(Describe))}";
    }

    private static string Describe(FamilyChoice choice) => choice.Type switch
    {
        NodeAddressType.ExternalIP => $"{choice.Family} from ExternalIPs",
        NodeAddressType.InternalIP => $"{choice.Family} from InternalIPs",
        _ => $"{choice.Family}: no address",
    };

    private static string Columns(List<string[]> rows, string indent)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(indent);
            for (var i = 0; i < row.Length; i++)
            {
                text.Append(i < row.Length - 1 ? row[i].PadRight(widths[i] + 3) : row[i]);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
