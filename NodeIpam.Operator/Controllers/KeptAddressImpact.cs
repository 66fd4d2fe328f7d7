using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Pure rule for a managed Service whose selector cannot be read: it keeps its addresses, but only those an existing,
/// eligible node still reports (<see cref="StatusDecider"/>), so a node change concerns it only when the node that
/// reported one of them is deleted, or changes its eligibility or addresses. A node appearing never adds one back.
/// </summary>
internal static class KeptAddressImpact
{
    /// <summary>Whether the change of one node (<paramref name="new"/> null: deleted) may take an address away from <paramref name="service"/>.</summary>
    public static bool MayDrop(V1Service service, NodeFacts? old, NodeFacts? @new)
    {
        if (old is null
            || service.Status?.LoadBalancer?.Ingress is not { Count: > 0 } ingress
            || (@new is not null && NodeImpact.SameEligibilityAndAddresses(old, @new)))
        {
            return false;
        }

        var reported = old.AllAddressTexts().ToHashSet(StringComparer.Ordinal);
        foreach (var entry in ingress)
        {
            if (entry?.Ip is { } ip && reported.Contains(ip))
            {
                return true;
            }
        }

        return false;
    }
}
