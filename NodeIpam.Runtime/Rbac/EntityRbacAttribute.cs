namespace NodeIpam.Runtime.Rbac;

/// <summary>
/// Declares, on a controller, the verbs it uses on a Kubernetes kind (as KubeOps' attribute of the same name).
/// The manifest generator turns every such attribute into ClusterRole rules; what is not declared is not granted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class EntityRbacAttribute : Attribute
{
    public EntityRbacAttribute(Type entity, RbacVerb verbs)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Entity = entity;
        Verbs = verbs;
    }

    /// <summary>A KubernetesClient model type carrying <c>KubernetesEntityAttribute</c>.</summary>
    public Type Entity { get; }

    public RbacVerb Verbs { get; }

    /// <summary>A subresource such as <c>status</c>; the rule then names <c>plural/subresource</c>.</summary>
    public string? Subresource { get; init; }

    /// <summary>True when the rule belongs in the namespaced Role (e.g. the leader-election Lease), not the ClusterRole.</summary>
    public bool Namespaced { get; init; }
}
