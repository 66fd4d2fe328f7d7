using k8s;
using k8s.Models;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>Records every notification as text ("add a 5 initial", "update a 5->6", "delete a 6"), thread-safe.</summary>
internal sealed class RecordingHandler<TEntity> : IResourceEventHandler<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void OnAdd(TEntity entity, bool isInInitialList) =>
        Add($"add {entity.Metadata.Name} {entity.Metadata.ResourceVersion}{(isInInitialList ? " initial" : string.Empty)}");

    public void OnUpdate(TEntity oldEntity, TEntity newEntity) =>
        Add($"update {newEntity.Metadata.Name} {oldEntity.Metadata.ResourceVersion}->{newEntity.Metadata.ResourceVersion}");

    public void OnDelete(TEntity entity) => Add($"delete {entity.Metadata.Name} {entity.Metadata.ResourceVersion}");

    private void Add(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
