using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Controllers;

/// <summary>Enqueues the key of every change of the controller's own kind that passes the controller's filter.</summary>
internal sealed class PrimaryEventHandler<TEntity>(
    string controller,
    Func<ObjectChange<TEntity>, bool>? filter,
    Action<ObjectKey> enqueue,
    ILogger logger) : IResourceEventHandler<TEntity>
    where TEntity : class
{
    public void OnAdd(ObjectKey key, TEntity entity, bool isInInitialList) => Handle(new ObjectChange<TEntity>(key, null, entity));

    public void OnUpdate(ObjectKey key, TEntity oldEntity, TEntity newEntity) => Handle(new ObjectChange<TEntity>(key, oldEntity, newEntity));

    public void OnDelete(ObjectKey key, TEntity entity) => Handle(new ObjectChange<TEntity>(key, entity, null));

    private void Handle(ObjectChange<TEntity> change)
    {
        var key = change.Key;
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
