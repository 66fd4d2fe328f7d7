namespace NodeIpam.Runtime.Informers;

/// <summary>
/// The reflector's reconnect delay (client-go's exponential backoff manager): initial, doubling per consecutive
/// failure up to a cap, plus jitter (d + rand*jitter*d); a failure after a healthy period of at least
/// <c>reset</c> starts again from the initial delay. Not thread-safe: one per reflector loop.
/// </summary>
internal sealed class ReconnectBackoff(InformerOptions options, TimeProvider time, Func<double> random)
{
    private TimeSpan _current = TimeSpan.Zero;
    private DateTimeOffset _lastFailure = DateTimeOffset.MinValue;

    /// <summary>Records a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        var now = time.GetUtcNow();
        if (_current == TimeSpan.Zero || now - _lastFailure >= options.BackoffReset)
        {
            _current = options.BackoffInitial;
        }
        else
        {
            _current = TimeSpan.FromTicks(Math.Min(_current.Ticks * 2, options.BackoffMax.Ticks));
        }

        _lastFailure = now;
        return _current + (_current * (random() * options.BackoffJitter));
    }
}
