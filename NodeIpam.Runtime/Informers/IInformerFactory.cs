using k8s;
using k8s.Models;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Hands out one shared informer per kind (client-go's SharedInformerFactory): every caller asking for the same
/// kind gets the same instance, so a kind is listed and watched once per process.
/// </summary>
public interface IInformerFactory
{
    /// <summary>The shared informer for <typeparamref name="TEntity"/>, created on first use.</summary>
    IInformer<TEntity> GetInformer<TEntity>()
        where TEntity : IKubernetesObject<V1ObjectMeta>;
}
