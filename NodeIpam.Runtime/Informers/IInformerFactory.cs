namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Hands out one shared informer per cached type (client-go's SharedInformerFactory): every caller asking for the
/// same type gets the same instance, so a kind is listed and watched once per process.
/// </summary>
public interface IInformerFactory
{
    /// <summary>
    /// The shared informer whose cache holds <typeparamref name="TCached"/>, created on first use: the one registered
    /// with <see cref="InformerServiceCollectionExtensions.ConfigureInformer{TEntity, TCached}"/>, or, for a
    /// Kubernetes model type, the informer of that kind caching the objects themselves.
    /// </summary>
    IInformer<TCached> GetInformer<TCached>()
        where TCached : class;
}
