using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Pure rules for "can this node change alter this Service's plan?", so that a node event requeues only the Services
/// whose addresses, condition or events can change, and a kubelet heartbeat requeues none.
/// </summary>
internal static class NodeImpact
{
    /// <summary>
    /// True when both are ready, or both are NotReady with the same status and transition time: what the NotReady rule
    /// reads (the facts of a ready node keep neither). A heartbeat changes neither.
    /// </summary>
    public static bool SameReadiness(NodeFacts old, NodeFacts @new) =>
        old.ReadyStatus == @new.ReadyStatus && old.ReadyTransition == @new.ReadyTransition;

    /// <summary>True when exclusions, valid addresses and invalid addresses are equal (labels aside).</summary>
    public static bool SameEligibilityAndAddresses(NodeFacts old, NodeFacts @new) =>
        old.Exclusions == @new.Exclusions && old.InvalidAddresses.SequenceEqual(@new.InvalidAddresses) && old.SameAddresses(@new);

    /// <summary>
    /// The Node watch's decision for one managed Service as cached (<paramref name="service"/>): whether the change of
    /// one node (<paramref name="old"/> null: added; <paramref name="new"/> null: deleted) can alter its plan,
    /// condition or events. An invalid selector goes through
    /// <see cref="KeptAddressImpact"/>; a valid one through <see cref="Affects"/>, with "has no address" read from the
    /// cached status (taken as what the last reconcile wrote: a status someone else set is reconciled anyway, and the
    /// mapper requeues a Service whose cache has not yet seen our last write) and
    /// readiness mattering by the Service's annotation, else <paramref name="planning"/>.
    /// <paramref name="hasEndpointOnNode"/>: an EndpointSlice of the Service has an endpoint that can count on the node.
    /// </summary>
    public static bool AffectsService(
        CachedService service, NodeFacts? old, NodeFacts? @new, bool hasEndpointOnNode, PlanningOptions planning)
    {
        var facts = service.Facts;
        if (facts.Selector.Selector is not { } selector)
        {
            // An invalid selector is retried only when the Service itself changes; a node change matters only
            // when it may take away one of the addresses the Service keeps.
            return KeptAddressImpact.MayDrop(service.Ingress, old, @new);
        }

        var hasNoAddress = service.Ingress.Count == 0;
        var readinessMatters = facts.ExcludeNotReadyNodes ?? planning.ExcludeNotReadyNodes;
        return Affects(facts, selector, old, @new, hasEndpointOnNode, hasNoAddress, readinessMatters);
    }

    /// <summary>
    /// Whether a change of one node (<paramref name="old"/> null: added; <paramref name="new"/> null: deleted) can
    /// alter the plan of a managed Service with a valid <paramref name="selector"/>:
    /// <list type="bullet">
    /// <item>the node is a candidate before or after (matches the selector) and its candidacy, eligibility or addresses
    /// changed, or its readiness when the Service leaves NotReady nodes out (<paramref name="readinessMatters"/>: its
    /// reconcile then also schedules the one at the end of the grace);</item>
    /// <item>for Local, only nodes running its endpoints are selected, so other nodes matter only through the
    /// "why no address" warnings, which exist only while the Service has no address; a node running its endpoints
    /// also matters when it appears or disappears (endpoints on a node that does not exist are reported);</item>
    /// <item>while the Service has no address, any node appearing or disappearing may change its warning (node counts).</item>
    /// </list>
    /// </summary>
    public static bool Affects(
        ServiceFacts service,
        LabelSelector selector,
        NodeFacts? old,
        NodeFacts? @new,
        bool hasEndpointOnNode,
        bool serviceHasNoAddress,
        bool readinessMatters = false)
    {
        var addedOrDeleted = old is null || @new is null;
        if (addedOrDeleted && serviceHasNoAddress)
        {
            return true;
        }

        var matchedBefore = old is not null && selector.Matches(old.Labels);
        var matchesNow = @new is not null && selector.Matches(@new.Labels);
        var candidacyChanged = matchedBefore != matchesNow
            || (matchedBefore && matchesNow && !SameEligibilityAndAddresses(old!, @new!))
            || (matchedBefore && matchesNow && readinessMatters && !SameReadiness(old!, @new!));
        if (!service.IsLocal)
        {
            return candidacyChanged;
        }

        return hasEndpointOnNode ? addedOrDeleted || candidacyChanged : candidacyChanged && serviceHasNoAddress;
    }
}
