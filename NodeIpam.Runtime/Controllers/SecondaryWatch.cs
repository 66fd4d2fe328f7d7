using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Controllers;

/// <summary>A watch on another kind whose changes map to keys of the controller's kind.</summary>
internal abstract class SecondaryWatch
{
    /// <summary>The watched kind, for logs.</summary>
    public abstract Type EntityType { get; }

    /// <summary>The shared informer of the watched kind.</summary>
    public abstract IInformerSyncTarget Informer(IInformerFactory informers);

    /// <summary>Subscribes to the watched kind; dispose to stop.</summary>
    public abstract IDisposable Attach(IInformerFactory informers, IServiceProvider services, Action<ObjectKey> enqueue, ILogger logger);
}

/// <summary>A secondary watch on <typeparamref name="TOther"/>.</summary>
internal sealed class SecondaryWatch<TOther>(Func<IServiceProvider, ObjectChange<TOther>, IEnumerable<ObjectKey>> mapper) : SecondaryWatch
    where TOther : class
{
    public override Type EntityType => typeof(TOther);

    public override IInformerSyncTarget Informer(IInformerFactory informers) =>
        new InformerSyncTarget<TOther>(informers.GetInformer<TOther>());

    public override IDisposable Attach(IInformerFactory informers, IServiceProvider services, Action<ObjectKey> enqueue, ILogger logger) =>
        informers.GetInformer<TOther>().AddEventHandler(new MappedEventHandler(mapper, services, enqueue, logger));

    private sealed class MappedEventHandler(
        Func<IServiceProvider, ObjectChange<TOther>, IEnumerable<ObjectKey>> mapper,
        IServiceProvider services,
        Action<ObjectKey> enqueue,
        ILogger logger) : IResourceEventHandler<TOther>
    {
        public void OnAdd(ObjectKey key, TOther entity, bool isInInitialList) => Map(new ObjectChange<TOther>(key, null, entity));

        public void OnUpdate(ObjectKey key, TOther oldEntity, TOther newEntity) => Map(new ObjectChange<TOther>(key, oldEntity, newEntity));

        public void OnDelete(ObjectKey key, TOther entity) => Map(new ObjectChange<TOther>(key, entity, null));

        private void Map(ObjectChange<TOther> change)
        {
            try
            {
                foreach (var key in mapper(services, change) ?? [])
                {
                    enqueue(key);
                }
            }
            catch (Exception exception)
            {
                ControllerLog.MapperFailed(logger, exception, typeof(TOther).Name, change.Key);
            }
        }
    }
}
