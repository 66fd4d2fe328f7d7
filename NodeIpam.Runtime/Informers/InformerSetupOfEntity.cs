using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// The configuration of an informer whose cache keeps the objects themselves (client-go's default), registered with
/// <see cref="InformerServiceCollectionExtensions.ConfigureInformer{TEntity}"/>: what the objects are read without,
/// an optional <see cref="Transform"/>, and secondary indexes. managedFields are dropped whatever the transform does.
/// </summary>
public sealed class InformerSetup<TEntity> : InformerSetup<TEntity, TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    internal InformerSetup()
        : base(null)
    {
    }

    /// <summary>
    /// Applied to every object before it is cached (client-go's TransformFunc): return a copy keeping only what the
    /// operator reads, to bound the cache's memory. Must not throw; if it does, the object is cached untransformed
    /// and the error is logged.
    /// </summary>
    public Func<TEntity, TEntity>? Transform { get; set; }

    internal override Func<TEntity, TEntity> Adapter(ILogger logger, string kind)
    {
        var transform = Transform;
        return raw =>
        {
            var entity = raw;
            if (transform is not null)
            {
                try
                {
                    entity = transform(raw);
                }
                catch (Exception e)
                {
                    logger.TransformFailed(kind, new ObjectKey(raw.Metadata?.NamespaceProperty ?? string.Empty, raw.Metadata?.Name ?? string.Empty), e);
                    entity = raw;
                }
            }

            if (entity.Metadata is not null)
            {
                entity.Metadata.ManagedFields = null;
            }

            return entity;
        };
    }
}
