using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// What the Service cache keeps of a Service: the planner's facts, what the status decision reads of its current
/// status (<see cref="Ingress"/> and <see cref="Condition"/>: ours only; other controllers' conditions are not ours to
/// read), and the resourceVersion (the write precondition and our own writes' echoes). Immutable; two versions
/// whose <see cref="Facts"/>, <see cref="Ingress"/> and <see cref="Condition"/> are equal need no reconcile.
/// </summary>
/// <param name="Facts">What the planner reads.</param>
/// <param name="Ingress">The current ingress.</param>
/// <param name="Condition">Our condition; null when the Service carries none.</param>
/// <param name="ResourceVersion">metadata.resourceVersion of the version these were read from.</param>
internal sealed record CachedService(ServiceFacts Facts, IngressFacts Ingress, OurCondition? Condition, string? ResourceVersion)
{
    /// <summary>The Service's key.</summary>
    public ObjectKey Key => new(Facts.Namespace, Facts.Name);

    /// <summary>
    /// Equal when every field is, the resourceVersion compared first: the informer compares each new version with the
    /// cached one, and two versions of a Service always differ there, so the rest is not looked at.
    /// </summary>
    public bool Equals(CachedService? other) =>
        other is not null
        && ResourceVersion == other.ResourceVersion
        && Facts == other.Facts
        && Ingress == other.Ingress
        && Condition == other.Condition;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ResourceVersion, Facts);

    /// <summary>True when the two versions agree on everything the controller reads (the resourceVersion aside).</summary>
    public bool SameForController(CachedService other) =>
        Facts == other.Facts && Ingress == other.Ingress && Condition == other.Condition;

    /// <summary>The Service as an Event's <c>regarding</c>.</summary>
    public V1ObjectReference Reference() => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        NamespaceProperty = Facts.Namespace,
        Name = Facts.Name,
        Uid = Facts.Uid.Length > 0 ? Facts.Uid : null,
        ResourceVersion = ResourceVersion,
    };
}
