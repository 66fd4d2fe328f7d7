namespace NodeIpam.Runtime.Informers;

/// <summary>
/// The reflector's reconnect delay, after client-go's exponential backoff manager: initial, doubling per consecutive
/// failure, plus jitter (d + rand*jitter*d); a failure after a healthy period of at least <c>reset</c> starts again
/// from the initial delay. Unlike client-go, whose jitter is added on top of its cap (a 30 s cap gives up to 60 s),
/// the returned delay, jitter included, never exceeds <see cref="InformerOptions.BackoffMax"/>: the base delay stops
/// doubling at max / (1 + jitter), so a long outage is retried every max/2 to max (15-30 s by default), still spread
/// across clients, and recovery never waits longer than max. Also unlike client-go, progress (a completed list, a watch
/// event) resets the delay at once, not only two healthy minutes later: after an outage, a harmless failure (a watch
/// closed at once) would otherwise stall the cache for up to max again. A server that fails every attempt makes no
/// progress, so its delay still grows. Not thread-safe: one per reflector loop.
/// </summary>
internal sealed class ReconnectBackoff(InformerOptions options, TimeProvider time, Func<double> random)
{
    private readonly TimeSpan _baseCap = TimeSpan.FromTicks(Math.Max(1, (long)(options.BackoffMax.Ticks / (1 + options.BackoffJitter))));
    private TimeSpan _current = TimeSpan.Zero;
    private DateTimeOffset _lastFailure = DateTimeOffset.MinValue;

    /// <summary>Records progress: the next failure waits the initial delay again.</summary>
    public void Reset() => _current = TimeSpan.Zero;

    /// <summary>Records a failure and returns how long to wait before the next attempt (at most the maximum).</summary>
    public TimeSpan NextDelay()
    {
        var now = time.GetUtcNow();
        if (_current == TimeSpan.Zero || now - _lastFailure >= options.BackoffReset)
        {
            _current = options.BackoffInitial;
        }
        else
        {
            _current = TimeSpan.FromTicks(Math.Min(_current.Ticks * 2, Math.Max(_baseCap.Ticks, _current.Ticks)));
        }

        _lastFailure = now;
        var jittered = _current + (_current * (random() * options.BackoffJitter));
        return jittered < options.BackoffMax ? jittered : options.BackoffMax;
    }
}
