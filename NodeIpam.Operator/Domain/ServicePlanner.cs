using System.Globalization;
using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// Decides which node addresses a Service advertises. Pure: no I/O, clock or logging; the same inputs in any
/// order give the same plan. One pass over the nodes with no per-node allocation, so a controller can afford it
/// for every Service on every node change.
/// </summary>
internal static class ServicePlanner
{
    /// <summary>
    /// Plans with the default options as if every NotReady grace had run out (only a Service that opts in with
    /// <see cref="WellKnown.ExcludeNotReadyNodesAnnotation"/> then leaves NotReady nodes out).
    /// </summary>
    public static ServicePlan Plan(ServiceFacts service, IReadOnlyCollection<NodeFacts> nodes, IReadOnlyCollection<EndpointSliceFacts> slices) =>
        Plan(service, nodes, slices, PlanningOptions.Default, DateTimeOffset.MaxValue);

    /// <summary>
    /// Plans one Service at <paramref name="now"/>. <paramref name="slices"/> may hold slices of other Services; only
    /// its own count.
    /// </summary>
    public static ServicePlan Plan(
        ServiceFacts service,
        IReadOnlyCollection<NodeFacts> nodes,
        IReadOnlyCollection<EndpointSliceFacts> slices,
        PlanningOptions options,
        DateTimeOffset now)
    {
        if (!service.IsManaged)
        {
            return new ServicePlan(service, explain: null);
        }

        if (service.Selector.Selector is not { } selector)
        {
            var error = $"invalid node selector in annotation {WellKnown.MatchNodeLabelsAnnotation} \"{service.SelectorText}\": {service.Selector}; the current status is kept";
            return new ServicePlan(service, () => NodeExplainer.NotEvaluated(nodes)) { Error = error, NodeCount = nodes.Count };
        }

        var warnings = new List<PlanWarning>();
        AddAnnotationWarnings(service, options, warnings);
        var rule = new NotReadyRule(service.ExcludeNotReadyNodes ?? options.ExcludeNotReadyNodes, options.NotReadyGrace, now);
        DateTimeOffset? nextChange = null;
        var local = service.IsLocal ? LocalEndpoints.From(service, slices, nodes.Count, warnings) : null;
        var families = service.Families;
        using var collector = new AddressCollector(families);
        int matching = 0, matchingExcluded = 0, selected = 0, endpointNodesFound = 0;
        List<NodeFacts>? withInvalidAddresses = null;
        // Only a capped Service needs its selected nodes again (for the ranking); an oversized one gathers them below.
        var selectedNodes = service.MaxAddressesPerFamily is null ? null : new List<NodeFacts>();
        foreach (var node in nodes)
        {
            var hasEndpoint = local is null || local.HasEndpointOn(node.Name);
            if (local is not null && hasEndpoint)
            {
                endpointNodesFound++;
            }

            if (!selector.Matches(node.Labels))
            {
                continue;
            }

            matching++;
            if (rule.ExclusionsOf(node) != NodeExclusions.None)
            {
                matchingExcluded++;
                continue;
            }

            if (rule.PendingDeadline(node) is { } deadline && (nextChange is null || deadline < nextChange))
            {
                nextChange = deadline;
            }

            if (!hasEndpoint)
            {
                continue;
            }

            selected++;
            selectedNodes?.Add(node);
            collector.Add(node);
            if (node.InvalidAddresses.Count > 0)
            {
                (withInvalidAddresses ??= []).Add(node);
            }
        }

        if (local is not null && endpointNodesFound < local.NodeNames.Count)
        {
            AddUnknownNodeWarning(local, nodes, warnings);
        }

        var (ingress, choices) = collector.Finish();
        AddressCapResult? cap = null;
        if (service.MaxAddressesPerFamily is not null || AddressCap.JsonBytes(ingress) > AddressCap.MaxIngressJsonBytes)
        {
            selectedNodes ??= [.. nodes.Where(n => selector.Matches(n.Labels)
                && rule.ExclusionsOf(n) == NodeExclusions.None
                && (local is null || local.HasEndpointOn(n.Name)))];
            cap = AddressCap.Apply(service.Uid, service.MaxAddressesPerFamily, choices, selectedNodes);
            (ingress, choices) = (cap.Ingress, cap.Choices);
            if (cap.LeftOutBySize > 0)
            {
                warnings.Add(new PlanWarning(
                    PlanWarningCode.IngressTooLarge,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{cap.LeftOutBySize:N0} {(cap.LeftOutBySize == 1 ? "address is" : "addresses are")} left out (the lowest-ranked nodes') to keep the status under the API server's size limit; {ingress.Count:N0} advertised")));
            }
        }

        AddSelectionWarnings(service, selector, nodes, local, rule, matching, matchingExcluded, selected, choices, warnings);
        AddInvalidAddressWarnings(withInvalidAddresses, warnings);
        return new ServicePlan(service, () => NodeExplainer.Explain(selector, local, rule, cap, choices, nodes))
        {
            NextChangeAt = nextChange,
            CappedPerFamily = cap?.Families.Any(f => f.Total > f.Kept.Count + f.LeftOutBySize) == true ? service.MaxAddressesPerFamily : null,
            Ingress = ingress,
            Warnings = warnings,
            Families = choices,
            NodeCount = nodes.Count,
            SelectedNodeCount = selected,
        };
    }

    private static void AddUnknownNodeWarning(LocalEndpoints local, IReadOnlyCollection<NodeFacts> nodes, List<PlanWarning> warnings)
    {
        var known = new HashSet<string>(nodes.Select(n => n.Name), StringComparer.Ordinal);
        var unknown = local.NodeNames.Where(n => !known.Contains(n)).Select(n => $"{n} ({local.ExampleEndpointOn(n)})").ToList();
        warnings.Add(new PlanWarning(
            PlanWarningCode.EndpointOnUnknownNode,
            $"endpoints on {MessageList.Count(unknown.Count, "node that does", "nodes that do")} not exist are skipped: {MessageList.Join(unknown)}"));
    }

    private static void AddSelectionWarnings(
        ServiceFacts service,
        LabelSelector selector,
        IReadOnlyCollection<NodeFacts> nodes,
        LocalEndpoints? local,
        NotReadyRule rule,
        int matching,
        int matchingExcluded,
        int selected,
        IReadOnlyList<FamilyChoice> choices,
        List<PlanWarning> warnings)
    {
        if (selected > 0)
        {
            foreach (var choice in choices.Where(c => c.Type is null))
            {
                warnings.Add(new PlanWarning(
                    PlanWarningCode.NoAddressOfFamily,
                    $"no address of family {choice.Family} on the selected nodes (no InternalIP or ExternalIP of that family)"));
            }

            return;
        }

        var matchingWhat = selector.IsEmpty ? string.Empty : $" matching the selector \"{service.SelectorText}\"";
        if (nodes.Count == 0)
        {
            warnings.Add(new PlanWarning(PlanWarningCode.NoNodes, "the cluster has no nodes"));
        }
        else if (matching == 0)
        {
            warnings.Add(new PlanWarning(
                PlanWarningCode.NoNodeMatchesSelector,
                $"the selector \"{service.SelectorText}\" matches no node (of {nodes.Count})"));
        }
        else if (matching == matchingExcluded)
        {
            var excluded = nodes
                .Where(n => rule.ExclusionsOf(n) != NodeExclusions.None && selector.Matches(n.Labels))
                .Select(n => $"{n.Name} ({rule.Describe(n, rule.ExclusionsOf(n))})");
            warnings.Add(new PlanWarning(
                PlanWarningCode.AllMatchingNodesExcluded,
                $"{(matching == 1 ? "the only node" : $"all {matching} nodes")}{matchingWhat} {(matching == 1 ? "is" : "are")} excluded: {MessageList.Join(excluded)}"));
        }
        else if (local is { NodeNames.Count: > 0 })
        {
            var endpointNodes = local.NodeNames;
            warnings.Add(new PlanWarning(
                PlanWarningCode.NoEndpointOnEligibleNode,
                $"no eligible {(selector.IsEmpty ? "node" : "node matching the selector")} runs an endpoint of this Service; its endpoints run on {MessageList.Join(endpointNodes)}"));
        }
    }

    private static void AddAnnotationWarnings(ServiceFacts service, PlanningOptions options, List<PlanWarning> warnings)
    {
        foreach (var (annotation, value) in service.InvalidAnnotations)
        {
            var fallback = annotation == WellKnown.ExcludeNotReadyNodesAnnotation
                ? $"takes \"true\" or \"false\"; the operator's default applies (NotReady nodes are {(options.ExcludeNotReadyNodes ? "left out" : "kept")})"
                : "takes a whole number of at least 1; no cap applies";
            warnings.Add(new PlanWarning(PlanWarningCode.InvalidAnnotation, $"annotation {annotation} \"{value}\" is invalid: it {fallback}"));
        }
    }

    private static void AddInvalidAddressWarnings(List<NodeFacts>? nodes, List<PlanWarning> warnings)
    {
        if (nodes is null)
        {
            return;
        }

        AddSkippedAddressWarnings(nodes, false, PlanWarningCode.InvalidNodeAddress, "are not valid IP addresses", warnings);
        AddSkippedAddressWarnings(nodes, true, PlanWarningCode.UnusableNodeAddress, "cannot receive traffic", warnings);
    }

    private static void AddSkippedAddressWarnings(List<NodeFacts> nodes, bool unusable, PlanWarningCode code, string what, List<PlanWarning> warnings)
    {
        var affected = nodes.Where(n => n.InvalidAddresses.Any(a => a.CannotReceiveTraffic == unusable)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        foreach (var node in affected.Take(MessageList.MaxItems))
        {
            var skipped = node.InvalidAddresses.Where(a => a.CannotReceiveTraffic == unusable);
            warnings.Add(new PlanWarning(code, $"node {node.Name} has addresses that {what} and are skipped: {string.Join(", ", skipped)}"));
        }

        if (affected.Count > MessageList.MaxItems)
        {
            warnings.Add(new PlanWarning(
                code,
                $"{MessageList.Count(affected.Count - MessageList.MaxItems, "more selected node has", "more selected nodes have")} addresses that {what}"));
        }
    }
}
