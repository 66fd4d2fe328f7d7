using k8s;
using k8s.Models;

namespace NodeIpam.Runtime.Controllers;

/// <summary>Keys of Kubernetes objects, for secondary-watch mappers.</summary>
public static class ObjectKeys
{
    /// <summary>The key of <paramref name="entity"/>: its namespace (empty when cluster-scoped) and name.</summary>
    public static ObjectKey For(IKubernetesObject<V1ObjectMeta> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var metadata = entity.Metadata ?? throw new ArgumentException("The object has no metadata.", nameof(entity));
        return new ObjectKey(metadata.NamespaceProperty ?? string.Empty, metadata.Name ?? string.Empty);
    }
}
