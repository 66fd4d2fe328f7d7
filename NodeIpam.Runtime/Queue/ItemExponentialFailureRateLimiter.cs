namespace NodeIpam.Runtime.Queue;

/// <summary>
/// Per-key exponential backoff (client-go's ItemExponentialFailureRateLimiter): the n-th consecutive retry of a
/// key waits <c>baseDelay * 2^n</c> (n from 0), capped at <c>maxDelay</c>; <see cref="Forget"/> starts over.
/// </summary>
internal sealed class ItemExponentialFailureRateLimiter : IRateLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;

    public ItemExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
    }

    public TimeSpan When(ObjectKey key)
    {
        int exponent;
        lock (_lock)
        {
            _failures.TryGetValue(key, out exponent);
            // Saturate the count: past the cap it no longer matters, and it must not overflow.
            _failures[key] = exponent == int.MaxValue ? exponent : exponent + 1;
        }

        var ticks = _baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(ObjectKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    public int NumRequeues(ObjectKey key)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(key, out var count) ? count : 0;
        }
    }
}
