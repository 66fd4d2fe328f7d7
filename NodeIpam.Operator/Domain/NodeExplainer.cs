using System.Globalization;
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
    public static IReadOnlyList<NodeDecision> Explain(
        LabelSelector selector,
        LocalEndpoints? local,
        NotReadyRule rule,
        AddressCapResult? cap,
        IReadOnlyList<FamilyChoice> choices,
        IReadOnlyCollection<NodeFacts> nodes) =>
        [.. nodes.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => Explain(selector, local, rule, cap, choices, n))];

    private static NodeDecision Explain(LabelSelector selector, LocalEndpoints? local, NotReadyRule rule, AddressCapResult? cap, IReadOnlyList<FamilyChoice> choices, NodeFacts node)
    {
        var reasons = new List<string>(3);
        if (!selector.Matches(node.Labels))
        {
            reasons.Add("does not match the node selector");
        }

        var exclusions = rule.ExclusionsOf(node);
        if (exclusions != NodeExclusions.None)
        {
            reasons.Add($"excluded: {rule.Describe(node, exclusions)}");
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
        var ranks = new List<string>();
        var notChosen = new List<string>();
        foreach (var choice in choices)
        {
            if (choice.Type is not { } type)
            {
                missing.Add($"no address of {choice.Family}");
                continue;
            }

            var addresses = node.GetAddresses(choice.Family, type);
            if (cap?.For(choice.Family) is { } capped && capped.Ranks.TryGetValue(node.Name, out var rank))
            {
                var family = choices.Count > 1 ? $"{choice.Family} " : string.Empty;
                var position = string.Create(CultureInfo.InvariantCulture, $"{family}rank {rank:N0} of {capped.Ranks.Count:N0}");
                var kept = addresses.Where(a => capped.KeptTexts.Contains(a.Text)).ToList();
                if (kept.Count == 0)
                {
                    notChosen.Add($"{position} ({cap.LimitOf(capped)})");
                    continue;
                }

                ranks.Add(position);
                advertised.AddRange(kept.OrderBy(a => a.Ip).Select(a => a.Text).Distinct(StringComparer.Ordinal));
            }
            else if (addresses.Count > 0)
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

        if (advertised.Count == 0 && notChosen.Count > 0)
        {
            return new NodeDecision(node.Name, false, $"not chosen: {string.Join("; ", notChosen)}{PendingNotReady(rule, node)}");
        }

        var reason = advertised.Count > 0 ? $"selected: advertises {string.Join(", ", advertised)}" : "selected, but advertises nothing";
        if (ranks.Count > 0)
        {
            reason += $" ({string.Join(", ", ranks)})";
        }

        if (missing.Count > 0 || notChosen.Count > 0)
        {
            var notes = missing.Concat(notChosen.Select(n => $"not chosen: {n}"));
            reason += $"{(advertised.Count > 0 ? "; " : ": ")}{string.Join("; ", notes)}";
        }

        reason += PendingNotReady(rule, node);

        if (node.InvalidAddresses.Count > 0)
        {
            reason += $"; skipped invalid {string.Join(", ", node.InvalidAddresses)}";
        }

        return new NodeDecision(node.Name, true, reason);
    }

    // A node still in its grace: when it will be left out.
    private static string PendingNotReady(NotReadyRule rule, NodeFacts node) =>
        rule.PendingDeadline(node) is { } deadline
            ? $"; {rule.DescribeNotReady(node)}: left out from {deadline.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
            : string.Empty;
}
