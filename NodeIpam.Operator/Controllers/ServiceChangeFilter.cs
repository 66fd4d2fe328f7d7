using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The Service controller's event filter. Only Services that are ours, or carry our condition (they were ours:
/// what we wrote must be removed, also when that is found at start-up), are reconciled. An update is reconciled only
/// when something the controller reads changed (our annotations, the uid, deletion, the spec fields of management,
/// policy and families, the load-balancer status or our condition), and not when it is the watch echo of our own
/// status write, unless a reconcile awaits that echo (<see cref="WrittenStatuses.AwaitEcho"/>). A status changed by
/// someone else (a user clearing it) is reconciled, which restores it. Deletes need no reconcile.
/// </summary>
internal sealed class ServiceChangeFilter(WrittenStatuses written, FactsCache facts)
{
    /// <summary>Whether <paramref name="change"/> must be reconciled.</summary>
    public bool ShouldReconcile(ObjectChange<V1Service> change)
    {
        var key = ObjectKeys.For(change.Latest);
        if (change.IsDelete)
        {
            written.Forget(key);
            return false;
        }

        if (written.TakeAwaitedEcho(key, change.New!))
        {
            return true;
        }

        if (!Concerns(change.New!) && (change.Old is null || !Concerns(change.Old)))
        {
            return false;
        }

        if (change.IsAdd)
        {
            return true;
        }

        var (old, @new) = (change.Old!, change.New!);
        if (SameForController(old, @new))
        {
            return false;
        }

        // Only the status changed, to what we wrote: the echo of our own write.
        return !(SameInputs(old, @new) && written.IsOwnWrite(key, @new));
    }

    /// <summary>Ours, or carrying our condition.</summary>
    private bool Concerns(V1Service service) => facts.Service(service).IsManaged || OurCondition(service) is not null;

    /// <summary>True when the two versions agree on every field the controller reads.</summary>
    internal static bool SameForController(V1Service old, V1Service @new) =>
        SameInputs(old, @new)
        && SameIngress(old.Status?.LoadBalancer?.Ingress, @new.Status?.LoadBalancer?.Ingress)
        && SameCondition(OurCondition(old), OurCondition(@new));

    /// <summary>True when the two versions agree on everything but the status.</summary>
    internal static bool SameInputs(V1Service old, V1Service @new)
    {
        return WellKnown.ServiceAnnotations.All(name => Annotation(old, name) == Annotation(@new, name))
            && old.Metadata?.Uid == @new.Metadata?.Uid
            && (old.Metadata?.DeletionTimestamp is null) == (@new.Metadata?.DeletionTimestamp is null)
            && SameSpec(old.Spec, @new.Spec);
    }

    // null when absent, so an absent annotation differs from an empty one.
    private static string? Annotation(V1Service service, string name) =>
        service.Metadata?.Annotations?.TryGetValue(name, out var value) == true ? value ?? string.Empty : null;

    /// <summary>Our condition in the Service's status, or null.</summary>
    internal static V1Condition? OurCondition(V1Service service) =>
        service.Status?.Conditions?.FirstOrDefault(c => c?.Type == ServiceStatusNames.ConditionType);

    private static bool SameSpec(V1ServiceSpec? a, V1ServiceSpec? b) =>
        a?.Type == b?.Type
        && a?.LoadBalancerClass == b?.LoadBalancerClass
        && a?.ExternalTrafficPolicy == b?.ExternalTrafficPolicy
        && a?.ClusterIP == b?.ClusterIP
        && SameStrings(a?.IpFamilies, b?.IpFamilies)
        && SameStrings(a?.ClusterIPs, b?.ClusterIPs);

    private static bool SameStrings(IList<string>? a, IList<string>? b) => (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);

    private static bool SameIngress(IList<V1LoadBalancerIngress>? a, IList<V1LoadBalancerIngress>? b)
    {
        a ??= [];
        b ??= [];
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i]?.Ip != b[i]?.Ip || a[i]?.IpMode != b[i]?.IpMode || a[i]?.Hostname != b[i]?.Hostname
                || (a[i]?.Ports?.Count ?? 0) != (b[i]?.Ports?.Count ?? 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameCondition(V1Condition? a, V1Condition? b) =>
        a?.Status == b?.Status && a?.Reason == b?.Reason && a?.Message == b?.Message;
}
