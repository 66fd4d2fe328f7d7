using NodeIpam.Operator.Domain.Addresses;
using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// Explains, per node, the decision <see cref="ServicePlanner"/> made. Kept apart from the planner's hot loop
/// because only people ask for it (<c>plan --service</c>); it re-applies the same rules, so it cannot disagree.
/// </summary>
internal static class NodeExplainer
{
    /// <summary>Every node, sorted by name, with the reason the selector error stopped evaluation.</summary>
    public static IReadOnlyList<NodeDecision> NotEvaluated(IReadOnlyCollection<NodeFacts> nodes) =>
        [.. nodes.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => new NodeDecision(n.Name, false, "not evaluated: the node selector is invalid"))];

    /// <summary>Every node, sorted by name: what it advertises, or every reason it is not selected.</summary>
    public static IReadOnlyList<NodeDecision> Explain(LabelSelector selector, LocalEndpoints? local, IReadOnlyList<FamilyChoice> choices, IReadOnlyCollection<NodeFacts> nodes) =>
        [.. nodes.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => Explain(selector, local, choices, n))];

    private static NodeDecision Explain(LabelSelector selector, LocalEndpoints? local, IReadOnlyList<FamilyChoice> choices, NodeFacts node)
    {
        var reasons = new List<string>(3);
        if (!selector.Matches(node.Labels))
        {
            reasons.Add("does not match the node selector");
        }

        if (node.Exclusions != NodeExclusions.None)
        {
            reasons.Add($"excluded: {node.Exclusions.Describe()}");
        }

        if (local is not null && !local.HasEndpointOn(node.Name))
        {
            reasons.Add(local.UsesTerminatingEndpoints ? "runs no serving endpoint of this Service" : "runs no ready endpoint of this Service");
        }

        if (reasons.Count > 0)
        {
            return new NodeDecision(node.Name, false, string.Join("; ", reasons));
        }

        var advertised = new List<string>();
        var missing = new List<string>();
        foreach (var choice in choices)
        {
            if (choice.Type is not { } type)
            {
                missing.Add($"no address of {choice.Family}");
                continue;
            }

            var addresses = node.GetAddresses(choice.Family, type);
            if (addresses.Count > 0)
            {
                advertised.AddRange(addresses.OrderBy(a => a.Ip).Select(a => a.Text).Distinct(StringComparer.Ordinal));
            }
            else if (type == NodeAddressType.ExternalIP)
            {
                missing.Add($"{choice.Family} uses ExternalIPs (another selected node has one) and this node has none");
            }
            else
            {
                missing.Add($"no InternalIP of {choice.Family}");
            }
        }

        var reason = advertised.Count > 0 ? $"selected: advertises {string.Join(", ", advertised)}" : "selected, but advertises nothing";
        if (missing.Count > 0)
        {
            reason += $"{(advertised.Count > 0 ? "; " : ": ")}{string.Join("; ", missing)}";
        }

        if (node.InvalidAddresses.Count > 0)
        {
            reason += $"; skipped invalid {string.Join(", ", node.InvalidAddresses)}";
        }

        return new NodeDecision(node.Name, true, reason);
    }
}
