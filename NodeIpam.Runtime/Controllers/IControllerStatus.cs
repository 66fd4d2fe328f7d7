namespace NodeIpam.Runtime.Controllers;

/// <summary>What the readiness check reads from a running controller.</summary>
internal interface IControllerStatus
{
    string Name { get; }

    /// <summary>True once every informer the controller reads (its kind and its secondary watches) has synced.</summary>
    bool CachesSynced { get; }
}
