using k8s;
using k8s.Models;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Controllers;

/// <summary>Adapts a typed informer to <see cref="IInformerSyncTarget"/>.</summary>
internal sealed class InformerSyncTarget<TEntity>(IInformer<TEntity> informer) : IInformerSyncTarget
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    public bool HasSynced => informer.HasSynced;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => informer.WaitForSyncAsync(cancellationToken);
}
