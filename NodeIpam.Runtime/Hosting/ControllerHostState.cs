namespace NodeIpam.Runtime.Hosting;

/// <summary>Where a controller host is in its life (for logs and tests).</summary>
internal enum ControllerHostState
{
    /// <summary>Not started.</summary>
    Created,

    /// <summary>Subscribed; waiting for its informers' initial lists.</summary>
    WaitingForSync,

    /// <summary>Caches synced; keys accumulate in the queue until this process leads.</summary>
    WaitingForLeadership,

    /// <summary>Workers reconciling.</summary>
    Running,

    /// <summary>Shut down or leadership lost; no further reconcile.</summary>
    Stopped,
}
