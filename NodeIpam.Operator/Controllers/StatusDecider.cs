using System.Globalization;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Events;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Decides, from a Service as cached and its plan, whether and what to write and which events to record. Pure.
/// <list type="bullet">
/// <item>Ingress is compared as a set of canonical IPs; an entry counts as equal only when it has just an <c>ip</c>
/// and an <c>ipMode</c> that is absent or VIP (what API servers since 1.30 default). Order does not matter.</item>
/// <item>An invalid selector keeps <c>status.loadBalancer</c>, but only the addresses that an existing, eligible node
/// still reports, and sets our condition to InvalidSelector.</item>
/// <item>Our condition's message ends with the fingerprint of the ingress the Service has once it is written
/// (<see cref="IngressFingerprint"/>), so a restart still knows what we wrote (<see cref="Release"/>).</item>
/// <item>Events only on transitions: a Normal event when the addresses change (old → new); a Warning per plan
/// warning that the current condition does not already state. The condition holds the last warnings, so
/// transitions survive restarts and nothing is repeated on every reconcile.</item>
/// </list>
/// </summary>
internal static class StatusDecider
{
    // When no address is advertised, the condition's reason is the most basic cause among the warnings.
    private static readonly PlanWarningCode[] ReasonPriority =
    [
        PlanWarningCode.NoNodes,
        PlanWarningCode.NoEndpointSlice,
        PlanWarningCode.NoReadyEndpoints,
        PlanWarningCode.NoNodeMatchesSelector,
        PlanWarningCode.AllMatchingNodesExcluded,
        PlanWarningCode.NoEndpointOnEligibleNode,
        PlanWarningCode.EndpointOnUnknownNode,
        PlanWarningCode.EndpointWithoutNodeName,
        PlanWarningCode.NoAddressOfFamily,
    ];

    /// <summary>
    /// As <see cref="Decide(CachedService, ServicePlan, IReadOnlyCollection{NodeFacts}, DateTimeOffset)"/> for a caller
    /// without the nodes (a check that the status matches a plan): an invalid selector's addresses are all kept.
    /// </summary>
    public static StatusDecision Decide(CachedService service, ServicePlan plan, DateTimeOffset now) => Decide(service, plan, null, now);

    /// <summary>
    /// Decides for a managed Service; <paramref name="nodes"/> (every cached node; null: unknown) bound the addresses
    /// an invalid selector keeps, <paramref name="now"/> stamps a condition whose status changes.
    /// </summary>
    public static StatusDecision Decide(CachedService service, ServicePlan plan, IReadOnlyCollection<NodeFacts>? nodes, DateTimeOffset now)
    {
        var current = service.Ingress;
        var existing = service.Condition;
        if (plan.Error is { } error)
        {
            return KeepStatus(current, existing, error, nodes, now);
        }

        var desired = plan.Ingress;
        var ingressChanges = !service.Ingress.IsExactly(desired);
        var condition = desired.Count > 0
            ? Condition(existing, "True", ServiceStatusNames.AssignedReason, AssignedMessage(plan), desired, now)
            : Condition(existing, "False", NoAddressReason(plan.Warnings), NoAddressMessage(plan.Warnings), desired, now);
        var conditionChanges = !SameCondition(existing, condition);
        var events = new List<ServiceEvent>();
        if (ingressChanges)
        {
            events.Add(new ServiceEvent(EventType.Normal, ServiceStatusNames.AddressesChangedReason, $"{Describe(current.Head, current.Count)} → {Describe(desired, desired.Count)}"));
        }

        if (conditionChanges)
        {
            foreach (var warning in plan.Warnings)
            {
                if (existing?.Message?.Contains(warning.Message, StringComparison.Ordinal) != true)
                {
                    events.Add(new ServiceEvent(EventType.Warning, warning.Code.ToString(), warning.Message));
                }
            }
        }

        return new StatusDecision(current, ingressChanges ? desired : null, condition, ingressChanges || conditionChanges, events);
    }

    /// <summary>
    /// Decides for a Service that is not ours: null when it carries no condition of ours (nothing to undo), else
    /// remove the condition, and clear the ingress when our condition's fingerprint matches it (what we wrote is
    /// still there; anything else belongs to someone else and stays).
    /// </summary>
    public static ReleaseDecision? Release(CachedService service, string why)
    {
        if (service.Condition is not { } ours)
        {
            return null;
        }

        // The adapter keeps every address of a Service that is not ours; without them nothing is cleared.
        var current = service.Ingress.All ?? service.Ingress.Head;
        var clears = service.Ingress is { All: { Count: > 0 } all, Canonical: true } && IngressFingerprint.Read(ours.Message) == IngressFingerprint.Of(all);
        return new ReleaseDecision(current, clears, why);
    }

    // An invalid selector: the status is kept, except addresses no existing, eligible node reports any more (a node
    // deleted or excluded since), which must not stay advertised just because the selector cannot be read. The
    // adapter keeps every address of such a Service; without them (never expected) the addresses are left as they are.
    private static StatusDecision KeepStatus(
        IngressFacts current, OurCondition? existing, string error, IReadOnlyCollection<NodeFacts>? nodes, DateTimeOffset now)
    {
        var all = current.All;
        var kept = all is null || all.Count == 0 || nodes is null ? all : StillReported(all, nodes);
        var ingressChanges = kept is not null && kept.Count != current.Count;
        var condition = kept is null
            ? new DesiredCondition("False", ServiceStatusNames.InvalidSelectorReason, existing?.Message ?? error, existing?.LastTransitionTime ?? now)
            : Condition(existing, "False", ServiceStatusNames.InvalidSelectorReason, error, kept, now);
        var conditionChanges = !SameCondition(existing, condition);
        var events = new List<ServiceEvent>(2);
        if (ingressChanges)
        {
            events.Add(new ServiceEvent(EventType.Normal, ServiceStatusNames.AddressesChangedReason, $"{Describe(current.Head, current.Count)} → {Describe(kept!, kept!.Count)}"));
        }

        if (existing?.Reason != ServiceStatusNames.InvalidSelectorReason || !SameText(existing.Message, condition.Message))
        {
            events.Add(new ServiceEvent(EventType.Warning, ServiceStatusNames.InvalidSelectorReason, error));
        }

        return new StatusDecision(current, ingressChanges ? kept : null, condition, ingressChanges || conditionChanges, events);
    }

    private static List<string> StillReported(IReadOnlyList<string> current, IReadOnlyCollection<NodeFacts> nodes)
    {
        var wanted = current.ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Exclusions != NodeExclusions.None)
            {
                continue;
            }

            foreach (var address in node.AllAddressTexts())
            {
                if (wanted.Contains(address))
                {
                    reported.Add(address);
                }
            }
        }

        return [.. current.Where(reported.Contains).Distinct(StringComparer.Ordinal)];
    }

    // Two messages about the same error, whatever ingress fingerprint they end with.
    private static bool SameText(string? a, string b) =>
        a is not null && a.AsSpan(0, TextLength(a)).SequenceEqual(b.AsSpan(0, TextLength(b)));

    private static int TextLength(string message)
    {
        var at = message.LastIndexOf(IngressFingerprint.Prefix, StringComparison.Ordinal);
        return at < 0 ? message.Length : at;
    }

    private static DesiredCondition Condition(
        OurCondition? existing, string status, string reason, string text, IReadOnlyList<string> ingress, DateTimeOffset now)
    {
        var transition = existing?.Status == status && existing.LastTransitionTime is { } since ? since : now;
        return new DesiredCondition(status, reason, ConditionMessage.Compose(text, ingress), transition);
    }

    private static bool SameCondition(OurCondition? existing, DesiredCondition desired) =>
        existing is not null && existing.Status == desired.Status && existing.Reason == desired.Reason && existing.Message == desired.Message;

    private static string AssignedMessage(ServicePlan plan)
    {
        var advertised = string.Create(
            CultureInfo.InvariantCulture,
            $"advertising {MessageList.Count(plan.Ingress.Count, "address", "addresses")} of {MessageList.Count(plan.SelectedNodeCount, "node", "nodes")}{(plan.CappedPerFamily is { } cap ? $" (at most {cap} per family)" : "")}");
        return plan.Warnings.Count == 0 ? advertised : $"{advertised}; {string.Join("; ", plan.Warnings.Select(w => w.Message))}";
    }

    private static string NoAddressReason(IReadOnlyList<PlanWarning> warnings)
    {
        foreach (var code in ReasonPriority)
        {
            if (warnings.Any(w => w.Code == code))
            {
                return code.ToString();
            }
        }

        return warnings.Count > 0 ? warnings[0].Code.ToString() : ServiceStatusNames.NoAddressesReason;
    }

    private static string NoAddressMessage(IReadOnlyList<PlanWarning> warnings) =>
        warnings.Count == 0 ? "no address to advertise" : string.Join("; ", warnings.Select(w => w.Message));

    // The first of count addresses, in the given order (the plan's is numeric), unlike MessageList.Join which sorts as text.
    private static string Describe(IReadOnlyList<string> first, int count) => count switch
    {
        0 => "none",
        <= MessageList.MaxItems => string.Join(", ", first.Take(count)),
        _ => $"{string.Join(", ", first.Take(MessageList.MaxItems))} and {count - MessageList.MaxItems} more",
    };
}
