namespace NodeIpam.Runtime.Queue;

/// <summary>
/// An overall token bucket shared by every key (client-go's BucketRateLimiter over golang.org/x/time/rate): it
/// holds up to <c>burst</c> tokens, refilled at <c>qps</c> per second; each retry takes a token, and when none is
/// left the retry is reserved a future token and told how long to wait for it. It never blocks and tracks no key,
/// so <see cref="Forget"/> does nothing and <see cref="NumRequeues"/> is always 0.
/// </summary>
internal sealed class BucketRateLimiter : IRateLimiter
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _qps;
    private readonly double _burst;
    private double _tokens;
    private long _lastTimestamp;

    public BucketRateLimiter(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qps, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _qps = qps;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _lastTimestamp = time.GetTimestamp();
    }

    public TimeSpan When(ObjectKey key)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_lastTimestamp, now);
            _lastTimestamp = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed.TotalSeconds * _qps));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    public void Forget(ObjectKey key)
    {
    }

    public int NumRequeues(ObjectKey key) => 0;
}
