namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Receives changes from an informer after its cache has been updated, in the order the cache saw them
/// (as client-go's ResourceEventHandler), with the cached values and the object's key. Handlers run on the
/// informer's dispatch loop: they must be fast and must not block (map to keys and enqueue). A relist after 410 Gone
/// reports objects that vanished in the gap through <see cref="OnDelete"/>, and objects that changed through
/// <see cref="OnUpdate"/>.
/// </summary>
public interface IResourceEventHandler<in TCached>
{
    void OnAdd(ObjectKey key, TCached entity, bool isInInitialList);

    void OnUpdate(ObjectKey key, TCached oldEntity, TCached newEntity);

    void OnDelete(ObjectKey key, TCached entity);
}
