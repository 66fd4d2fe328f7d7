
namespace NodeIpam.Runtime.Controllers;

/// <summary>
/// A level-based reconciler for one kind, as in KubeOps. The runtime calls <see cref="ReconcileAsync"/> with the
/// current object from the informer cache whenever the object, or something mapped to it by a secondary watch,
/// may have changed. Calls for one key never overlap; calls for different keys may run in parallel.
/// The method must be idempotent: it can be called any number of times for the same state.
/// </summary>
public interface IEntityController<in TEntity>
    where TEntity : class
{
    /// <summary>
    /// Drives the cluster towards the state <paramref name="entity"/> asks for. <paramref name="entity"/> is the
    /// cache's instance: read it, never modify it. <paramref name="cancellationToken"/> is cancelled on shutdown and
    /// the moment leadership is lost: pass it to every API call so that no write starts afterwards. An exception is
    /// handled like <see cref="ReconciliationResult.Failure"/> (logged, retried with backoff).
    /// </summary>
    Task<ReconciliationResult> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);
}
