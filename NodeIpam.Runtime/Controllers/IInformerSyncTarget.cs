namespace NodeIpam.Runtime.Controllers;

/// <summary>An informer seen only for its sync state, whatever its kind.</summary>
internal interface IInformerSyncTarget
{
    bool HasSynced { get; }

    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
