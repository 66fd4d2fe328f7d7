using k8s;
using k8s.Models;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>
/// Records every notification as text ("add a 5 initial", "update a 5->6", "delete a 6"), thread-safe: the key the
/// informer gave, then what <c>describe</c> makes of the value (by default a Kubernetes object's resourceVersion). A
/// Kubernetes object whose own key differs from the key given is recorded with " key-mismatch" appended.
/// </summary>
internal sealed class RecordingHandler<TEntity>(Func<TEntity, string>? describe = null) : IResourceEventHandler<TEntity>
    where TEntity : class
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];
    private readonly Func<TEntity, string> _describe = describe ?? ResourceVersionOf;

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

    public void OnAdd(ObjectKey key, TEntity entity, bool isInInitialList) =>
        Add($"add {key} {Describe(key, entity)}{(isInInitialList ? " initial" : string.Empty)}");

    public void OnUpdate(ObjectKey key, TEntity oldEntity, TEntity newEntity) =>
        Add($"update {key} {Describe(key, oldEntity)}->{Describe(key, newEntity)}");

    public void OnDelete(ObjectKey key, TEntity entity) => Add($"delete {key} {Describe(key, entity)}");

    private static string ResourceVersionOf(TEntity entity) =>
        (entity as IKubernetesObject<V1ObjectMeta>)?.Metadata.ResourceVersion
        ?? throw new InvalidOperationException($"Describe {typeof(TEntity).Name} with a function.");

    private string Describe(ObjectKey key, TEntity entity) =>
        entity is IKubernetesObject<V1ObjectMeta> k8s && ObjectKeys.For(k8s) != key ? $"{_describe(entity)} key-mismatch" : _describe(entity);

    private void Add(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
