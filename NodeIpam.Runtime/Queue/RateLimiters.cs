namespace NodeIpam.Runtime.Queue;

/// <summary>Ready-made limiters.</summary>
internal static class RateLimiters
{
    /// <summary>
    /// controller-runtime's DefaultTypedControllerRateLimiter: the longer of a per-key exponential backoff
    /// (5 ms doubling to 1000 s) and an overall token bucket (10 per second, burst 100), so one failing key backs
    /// off on its own and many failing keys together cannot exceed the bucket's rate.
    /// </summary>
    public static IRateLimiter Default(TimeProvider time) =>
        new MaxOfRateLimiter(
            new ItemExponentialFailureRateLimiter(RuntimeDefaults.FailureBaseDelay, RuntimeDefaults.FailureMaxDelay),
            new BucketRateLimiter(RuntimeDefaults.RetryBucketQps, RuntimeDefaults.RetryBucketBurst, time));
}
