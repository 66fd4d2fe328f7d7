using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Pure rule for a managed Service whose selector cannot be read: it keeps its addresses, but only those an existing,
/// eligible node still reports (<see cref="StatusDecider"/>), so a node change concerns it only when the node that
/// reported one of them is deleted, or changes its eligibility or addresses. A node appearing never adds one back.
/// </summary>
internal static class KeptAddressImpact
{
    /// <summary>Whether the change of one node (<paramref name="new"/> null: deleted) may take an address away from a Service whose ingress is <paramref name="ingress"/>.</summary>
    public static bool MayDrop(IngressFacts ingress, NodeFacts? old, NodeFacts? @new)
    {
        if (old is null
            || ingress.Count == 0
            || (@new is not null && NodeImpact.SameEligibilityAndAddresses(old, @new)))
        {
            return false;
        }

        var reported = old.AllAddressTexts().ToHashSet(StringComparer.Ordinal);
        if (ingress.All is not { } all)
        {
            // Not expected (the adapter keeps every address of such a Service); without them, assume the worst.
            return true;
        }

        foreach (var ip in all)
        {
            if (reported.Contains(ip))
            {
                return true;
            }
        }

        return false;
    }
}
