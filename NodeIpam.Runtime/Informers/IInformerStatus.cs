namespace NodeIpam.Runtime.Informers;

/// <summary>What health checks read from an informer: synced (readiness) and watch progress (liveness).</summary>
internal interface IInformerStatus
{
    /// <summary>The kind this informer caches.</summary>
    string Kind { get; }

    /// <summary>True once the initial LIST has been cached and delivered.</summary>
    bool HasSynced { get; }

    /// <summary>
    /// When the last LIST completed or the last watch event or bookmark arrived. A real API server sends a bookmark
    /// about every minute, so a value several minutes old means the informer is stuck (a liveness failure).
    /// </summary>
    DateTimeOffset LastWatchProgress { get; }
}

/// <summary>An informer the factory can run without knowing its kind.</summary>
internal interface IRunnableInformer : IInformerStatus
{
    /// <summary>Lists and watches until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
