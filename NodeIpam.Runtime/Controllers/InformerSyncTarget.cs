using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Controllers;

/// <summary>Adapts a typed informer to <see cref="IInformerSyncTarget"/>.</summary>
internal sealed class InformerSyncTarget<TEntity>(IInformer<TEntity> informer) : IInformerSyncTarget
    where TEntity : class
{
    public bool HasSynced => informer.HasSynced;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => informer.WaitForSyncAsync(cancellationToken);
}
