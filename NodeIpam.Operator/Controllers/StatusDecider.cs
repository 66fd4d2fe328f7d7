using System.Globalization;
using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using NodeIpam.Runtime.Events;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Decides, from a Service as cached and its plan, whether and what to write and which events to record. Pure.
/// <list type="bullet">
/// <item>Ingress is compared as a set of canonical IPs; an entry counts as equal only when it has just an <c>ip</c>
/// and an <c>ipMode</c> that is absent or VIP (what API servers since 1.30 default). Order does not matter.</item>
/// <item>An invalid selector keeps <c>status.loadBalancer</c> and only sets our condition to InvalidSelector.</item>
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

    /// <summary>Decides for a managed Service; <paramref name="now"/> stamps a condition whose status changes.</summary>
    public static StatusDecision Decide(V1Service service, ServicePlan plan, DateTimeOffset now)
    {
        var (current, currentIsCanonical) = CurrentIngress(service);
        var existing = ServiceChangeFilter.OurCondition(service);
        if (plan.Error is { } error)
        {
            var invalid = Condition(existing, "False", ServiceStatusNames.InvalidSelectorReason, error, now);
            var changed = !SameCondition(existing, invalid);
            IReadOnlyList<ServiceEvent> warning = changed ? [new ServiceEvent(EventType.Warning, ServiceStatusNames.InvalidSelectorReason, error)] : [];
            return new StatusDecision(current, null, invalid, changed, warning);
        }

        var desired = plan.Ingress;
        var ingressChanges = !currentIsCanonical || !SameSet(current, desired);
        var condition = desired.Count > 0
            ? Condition(existing, "True", ServiceStatusNames.AssignedReason, AssignedMessage(plan), now)
            : Condition(existing, "False", NoAddressReason(plan.Warnings), NoAddressMessage(plan.Warnings), now);
        var conditionChanges = !SameCondition(existing, condition);
        var events = new List<ServiceEvent>();
        if (ingressChanges)
        {
            events.Add(new ServiceEvent(EventType.Normal, ServiceStatusNames.AddressesChangedReason, $"{Describe(current)} → {Describe(desired)}"));
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
    /// The Service's current ingress as canonical IPs, and whether every entry is a plain IP in VIP mode (an entry
    /// with a hostname, ports, Proxy mode, a duplicate or a non-canonical IP makes it false: it must be rewritten).
    /// </summary>
    internal static (IReadOnlyList<string> Ips, bool Canonical) CurrentIngress(V1Service service)
    {
        var entries = service.Status?.LoadBalancer?.Ingress;
        if (entries is not { Count: > 0 })
        {
            return ([], true);
        }

        var ips = new List<string>(entries.Count);
        var seen = new HashSet<string>(entries.Count, StringComparer.Ordinal);
        var canonical = true;
        foreach (var entry in entries)
        {
            if (entry?.Ip is { } text && CanonicalIp.TryParse(text, out var ip, out _))
            {
                var formatted = ip.ToString();
                canonical &= formatted == text && seen.Add(formatted);
                ips.Add(formatted);
            }
            else
            {
                canonical = false;
                ips.Add(entry?.Ip ?? entry?.Hostname ?? "(empty entry)");
            }

            canonical &= string.IsNullOrEmpty(entry?.Hostname)
                && (entry?.IpMode is null || entry.IpMode == ServiceStatusNames.VipMode)
                && entry?.Ports is not { Count: > 0 };
        }

        return (ips, canonical);
    }

    private static bool SameSet(IReadOnlyList<string> current, IReadOnlyList<string> desired) =>
        current.Count == desired.Count && current.ToHashSet(StringComparer.Ordinal).SetEquals(desired);

    private static DesiredCondition Condition(V1Condition? existing, string status, string reason, string message, DateTimeOffset now)
    {
        var transition = existing?.Status == status && existing.LastTransitionTime is { } since
            ? new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc))
            : now;
        return new DesiredCondition(status, reason, Truncate(message), transition);
    }

    private static bool SameCondition(V1Condition? existing, DesiredCondition desired) =>
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

    // Keeps the given order (the plan's is numeric), unlike MessageList.Join which sorts as text.
    private static string Describe(IReadOnlyList<string> ips) => ips.Count switch
    {
        0 => "none",
        <= MessageList.MaxItems => string.Join(", ", ips),
        _ => $"{string.Join(", ", ips.Take(MessageList.MaxItems))} and {ips.Count - MessageList.MaxItems} more",
    };

    private static string Truncate(string message) =>
        message.Length <= ServiceStatusNames.MaxConditionMessageLength
            ? message
            : string.Concat(message.AsSpan(0, ServiceStatusNames.MaxConditionMessageLength - 1), "…");
}
