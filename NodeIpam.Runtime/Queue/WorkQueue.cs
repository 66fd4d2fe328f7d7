namespace NodeIpam.Runtime.Queue;

/// <summary>
/// A FIFO of keys with client-go's workqueue guarantees:
/// <list type="bullet">
/// <item>a key waiting in the queue is stored once, however often it is added (dedupe);</item>
/// <item>a key handed out by <see cref="GetAsync"/> is "processing" until <see cref="Done"/>, and is never handed to
/// another caller meanwhile; if it is added while processing it is marked dirty and queued again by
/// <see cref="Done"/>, so the change that caused the add is always seen by a later processing;</item>
/// <item>after <see cref="ShutDown"/>, adds are ignored and <see cref="GetAsync"/> returns null at once, even if keys
/// are still pending (unlike client-go, which hands those out too: their reconcile would only see a cancelled
/// token); keys being processed still finish, which <see cref="ShutDownWithDrainAsync"/> waits for.</item>
/// </list>
/// Thread-safe. Records the workqueue_* metrics under the queue's name.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<ObjectKey> _queue = new();
    private readonly HashSet<ObjectKey> _dirty = [];

    // Key -> timestamp processing started; for work_duration and the unfinished-work gauges.
    private readonly Dictionary<ObjectKey, long> _processing = [];

    // Key -> timestamp of the add that made it pending; for queue_duration.
    private readonly Dictionary<ObjectKey, long> _addedAt = [];
    private readonly LinkedList<TaskCompletionSource<ObjectKey?>> _waiters = new();
    private readonly TimeProvider _time;
    private readonly WorkQueueMetrics _metrics;
    private readonly IDisposable _collectHook;
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;

    public WorkQueue(TimeProvider time, WorkQueueMetrics metrics)
    {
        _time = time;
        _metrics = metrics;
        _collectHook = metrics.Runtime.OnCollect(RefreshProcessingGauges);
    }

    /// <summary>Keys waiting to be handed out (not counting keys being processed).</summary>
    public int Length
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> for processing; ignored after shutdown and when already pending.</summary>
    public void Add(ObjectKey key)
    {
        lock (_lock)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            _metrics.Adds.Inc();
            _addedAt.TryAdd(key, _time.GetTimestamp());
            if (_processing.ContainsKey(key))
            {
                return;
            }

            _queue.Enqueue(key);
            DispatchLocked();
        }
    }

    /// <summary>
    /// The next key to process, waiting asynchronously until there is one; null once the queue is shut down.
    /// The caller must call <see cref="Done"/> with the key when it has finished with it.
    /// </summary>
    public ValueTask<ObjectKey?> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<ObjectKey?> waiter;
        LinkedListNode<TaskCompletionSource<ObjectKey?>> node;
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return ValueTask.FromResult<ObjectKey?>(null);
            }

            if (_queue.Count > 0)
            {
                return ValueTask.FromResult<ObjectKey?>(TakeLocked());
            }

            cancellationToken.ThrowIfCancellationRequested();
            waiter = new TaskCompletionSource<ObjectKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        return new ValueTask<ObjectKey?>(WaitAsync(node, cancellationToken));
    }

    /// <summary>Ends the processing of <paramref name="key"/>; if it was added meanwhile it is queued again.</summary>
    public void Done(ObjectKey key)
    {
        lock (_lock)
        {
            if (!_processing.Remove(key, out var startedAt))
            {
                return;
            }

            _metrics.WorkDuration.Observe(_time.GetElapsedTime(startedAt).TotalSeconds);
            if (_dirty.Contains(key) && !_shuttingDown)
            {
                _queue.Enqueue(key);
                DispatchLocked();
            }
            else if (_processing.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Stops handing out keys and wakes every waiting <see cref="GetAsync"/> with null.</summary>
    public void ShutDown()
    {
        List<TaskCompletionSource<ObjectKey?>> waiters;
        lock (_lock)
        {
            _shuttingDown = true;
            waiters = [.. _waiters];
            _waiters.Clear();
            if (_processing.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(null);
        }
    }

    /// <summary>
    /// Shuts down, then waits until every key being processed is <see cref="Done"/>, or until
    /// <paramref name="cancellationToken"/> fires (the bound on a stuck reconcile). True when fully drained.
    /// </summary>
    public async Task<bool> ShutDownWithDrainAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_lock)
        {
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        ShutDown();
        try
        {
            await drained.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        ShutDown();
        _collectHook.Dispose();
    }

    private async Task<ObjectKey?> WaitAsync(LinkedListNode<TaskCompletionSource<ObjectKey?>> node, CancellationToken cancellationToken)
    {
        // The registration removes the waiter under the lock, so a key is either handed to it or left in the queue.
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return;
                }

                _waiters.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        });
        return await node.Value.Task;
    }

    private void DispatchLocked()
    {
        while (_queue.Count > 0 && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            first.Value.TrySetResult(TakeLocked());
        }

        _metrics.Depth.Set(_queue.Count);
    }

    private ObjectKey TakeLocked()
    {
        var key = _queue.Dequeue();
        var now = _time.GetTimestamp();
        _processing[key] = now;
        _dirty.Remove(key);
        if (_addedAt.Remove(key, out var addedAt))
        {
            _metrics.QueueDuration.Observe(_time.GetElapsedTime(addedAt, now).TotalSeconds);
        }

        _metrics.Depth.Set(_queue.Count);
        return key;
    }

    private void RefreshProcessingGauges()
    {
        double total = 0;
        double longest = 0;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            foreach (var startedAt in _processing.Values)
            {
                var seconds = _time.GetElapsedTime(startedAt, now).TotalSeconds;
                total += seconds;
                longest = Math.Max(longest, seconds);
            }
        }

        _metrics.UnfinishedWork.Set(total);
        _metrics.LongestRunningProcessor.Set(longest);
    }
}
