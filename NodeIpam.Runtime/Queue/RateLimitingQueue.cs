namespace NodeIpam.Runtime.Queue;

/// <summary>
/// client-go's rate-limited delaying work queue: a <see cref="WorkQueue"/> plus
/// <list type="bullet">
/// <item><see cref="AddAfter"/>: the key is added once the delay has passed; while it waits, a later call with an
/// earlier time moves it forward and one with a later time is ignored (the earliest time wins);</item>
/// <item><see cref="AddRateLimited"/>: <see cref="AddAfter"/> with the delay the rate limiter computes (one more
/// retry for the key); <see cref="Forget"/> resets the key's backoff.</item>
/// </list>
/// Waiting is done by one timer from the <see cref="TimeProvider"/>, so a FakeTimeProvider drives it in tests.
/// </summary>
internal sealed class RateLimitingQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly WorkQueue _queue;
    private readonly IRateLimiter _rateLimiter;
    private readonly TimeProvider _time;
    private readonly WorkQueueMetrics _metrics;
    private readonly ITimer _timer;

    // The earliest ready time of each waiting key; the heap may hold stale entries, skipped when they surface.
    private readonly Dictionary<ObjectKey, DateTimeOffset> _readyAt = [];
    private readonly PriorityQueue<ObjectKey, DateTimeOffset> _waiting = new();
    private bool _shuttingDown;

    public RateLimitingQueue(IRateLimiter rateLimiter, TimeProvider time, WorkQueueMetrics metrics)
    {
        _rateLimiter = rateLimiter;
        _time = time;
        _metrics = metrics;
        _queue = new WorkQueue(time, metrics);
        _timer = time.CreateTimer(static state => ((RateLimitingQueue)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Keys ready to be handed out (not those waiting for a delay, nor those being processed).</summary>
    public int Length => _queue.Length;

    /// <summary>Keys waiting for their <see cref="AddAfter"/> time.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_lock)
            {
                return _readyAt.Count;
            }
        }
    }

    /// <inheritdoc cref="WorkQueue.Add"/>
    public void Add(ObjectKey key) => _queue.Add(key);

    /// <inheritdoc cref="WorkQueue.GetAsync"/>
    public ValueTask<ObjectKey?> GetAsync(CancellationToken cancellationToken) => _queue.GetAsync(cancellationToken);

    /// <inheritdoc cref="WorkQueue.Done"/>
    public void Done(ObjectKey key) => _queue.Done(key);

    /// <summary>Adds <paramref name="key"/> after <paramref name="delay"/> (at once when not positive); earliest wins.</summary>
    public void AddAfter(ObjectKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var readyAt = _time.GetUtcNow() + delay;
            if (_readyAt.TryGetValue(key, out var existing) && existing <= readyAt)
            {
                return;
            }

            _readyAt[key] = readyAt;
            _waiting.Enqueue(key, readyAt);
            ScheduleLocked();
        }
    }

    /// <summary>Adds <paramref name="key"/> after the rate limiter's delay, counting a retry.</summary>
    public void AddRateLimited(ObjectKey key)
    {
        if (_queue.IsShuttingDown)
        {
            return;
        }

        _metrics.Retries.Inc();
        AddAfter(key, _rateLimiter.When(key));
    }

    /// <summary>Resets the backoff of <paramref name="key"/> (call after a success).</summary>
    public void Forget(ObjectKey key) => _rateLimiter.Forget(key);

    /// <summary>Consecutive rate-limited retries of <paramref name="key"/> since it was last forgotten.</summary>
    public int NumRequeues(ObjectKey key) => _rateLimiter.NumRequeues(key);

    /// <inheritdoc cref="WorkQueue.ShutDown"/>
    public void ShutDown()
    {
        StopWaiting();
        _queue.ShutDown();
    }

    /// <inheritdoc cref="WorkQueue.ShutDownWithDrainAsync"/>
    public Task<bool> ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        StopWaiting();
        return _queue.ShutDownWithDrainAsync(cancellationToken);
    }

    public void Dispose()
    {
        StopWaiting();
        _timer.Dispose();
        _queue.Dispose();
    }

    private void StopWaiting()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            _readyAt.Clear();
            _waiting.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        var ready = new List<ObjectKey>();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            while (_waiting.TryPeek(out var key, out var readyAt) && readyAt <= now)
            {
                _waiting.Dequeue();
                if (_readyAt.TryGetValue(key, out var current) && current == readyAt)
                {
                    _readyAt.Remove(key);
                    ready.Add(key);
                }
            }

            ScheduleLocked();
        }

        foreach (var key in ready)
        {
            _queue.Add(key);
        }
    }

    // Only ever arms the timer for a strictly future time: a zero due time could fire the callback synchronously
    // on the calling thread, inside this lock.
    private void ScheduleLocked()
    {
        if (_shuttingDown)
        {
            return;
        }

        while (_waiting.TryPeek(out var key, out var readyAt))
        {
            if (_readyAt.TryGetValue(key, out var current) && current == readyAt)
            {
                var due = readyAt - _time.GetUtcNow();
                _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
                return;
            }

            _waiting.Dequeue();
        }

        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
