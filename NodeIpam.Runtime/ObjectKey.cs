namespace NodeIpam.Runtime;

/// <summary>
/// The identity of an object in the caches and the work queue: namespace (empty for cluster-scoped kinds)
/// and name. Rendered as <c>namespace/name</c>, or <c>name</c> alone, like client-go's MetaNamespaceKeyFunc.
/// </summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    /// <summary>A key for a cluster-scoped object.</summary>
    public static ObjectKey Cluster(string name) => new(string.Empty, name);

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
