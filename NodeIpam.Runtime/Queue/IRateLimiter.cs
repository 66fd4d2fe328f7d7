namespace NodeIpam.Runtime.Queue;

/// <summary>
/// Decides how long a key waits before its next retry (client-go's workqueue.RateLimiter). <see cref="When"/>
/// counts as a retry: each call may lengthen the next delay until <see cref="Forget"/> resets the key.
/// Implementations are thread-safe and never block: they compute a delay, the queue does the waiting.
/// </summary>
internal interface IRateLimiter
{
    /// <summary>The delay before <paramref name="key"/> may be processed again, recording one more retry.</summary>
    TimeSpan When(ObjectKey key);

    /// <summary>Stops tracking <paramref name="key"/>: its next failure starts again from the base delay.</summary>
    void Forget(ObjectKey key);

    /// <summary>How many times <see cref="When"/> was called for <paramref name="key"/> since it was last forgotten.</summary>
    int NumRequeues(ObjectKey key);
}
