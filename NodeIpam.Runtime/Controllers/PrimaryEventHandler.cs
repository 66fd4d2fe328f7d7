using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Controllers;

/// <summary>Enqueues the key of every change of the controller's own kind that passes the controller's filter.</summary>
internal sealed class PrimaryEventHandler<TEntity>(
    string controller,
    Func<ObjectChange<TEntity>, bool>? filter,
    Action<ObjectKey> enqueue,
    ILogger logger) : IResourceEventHandler<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    public void OnAdd(TEntity entity, bool isInInitialList) => Handle(new ObjectChange<TEntity>(null, entity));

    public void OnUpdate(TEntity oldEntity, TEntity newEntity) => Handle(new ObjectChange<TEntity>(oldEntity, newEntity));

    public void OnDelete(TEntity entity) => Handle(new ObjectChange<TEntity>(entity, null));

    private void Handle(ObjectChange<TEntity> change)
    {
        var key = ObjectKeys.For(change.Latest);
        if (filter is not null)
        {
            try
            {
                if (!filter(change))
                {
                    return;
                }
            }
            catch (Exception exception)
            {
                ControllerLog.FilterFailed(logger, exception, controller, key);
            }
        }

        enqueue(key);
    }
}
