namespace NodeIpam.Runtime.Queue;

/// <summary>
/// Combines limiters by taking the longest delay any of them asks for (client-go's MaxOfRateLimiter). Every
/// limiter is consulted on each retry, so each keeps its own accounting.
/// </summary>
internal sealed class MaxOfRateLimiter : IRateLimiter
{
    private readonly IRateLimiter[] _limiters;

    public MaxOfRateLimiter(params IRateLimiter[] limiters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(limiters.Length);
        _limiters = limiters;
    }

    public TimeSpan When(ObjectKey key)
    {
        var longest = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var delay = limiter.When(key);
            if (delay > longest)
            {
                longest = delay;
            }
        }

        return longest;
    }

    public void Forget(ObjectKey key)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(key);
        }
    }

    public int NumRequeues(ObjectKey key) => _limiters.Max(l => l.NumRequeues(key));
}
