using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Faults;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator;

/// <summary>Fault injection: broken watches, compacted history, failing requests, latency, an unreachable server.</summary>
public sealed class SimulatorFaults
{
    private readonly ObjectStore _store;
    private readonly Lock _lock = new();
    private readonly List<FailureRule> _rules = [];
    private TaskCompletionSource _gate = Completed();

    internal SimulatorFaults(ObjectStore store) => _store = store;

    /// <summary>Delay added to every request before it is handled (measured with the simulator's TimeProvider).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Whether requests currently hang (see <see cref="Pause"/>).</summary>
    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return !_gate.Task.IsCompleted;
            }
        }
    }

    /// <summary>Ends every open watch (the clients see the stream end cleanly, as when the API server restarts).</summary>
    public void CloseAllWatches() => _store.ForEachWatch(w => w.Close());

    /// <summary>
    /// Makes every open watch half-open: the connection stays up but delivers no further event or bookmark,
    /// like a watch whose peer vanished without a FIN. Watches opened afterwards behave normally.
    /// </summary>
    public void SilenceWatches() => _store.ForEachWatch(w => w.Silence());

    /// <summary>Sends a BOOKMARK at the current resourceVersion to every open watch that asked for bookmarks.</summary>
    public void SendBookmarks() => _store.ForEachWatch(_store.Bookmark);

    /// <summary>Forgets the watch history: the next resume from any older resourceVersion gets 410 Expired.</summary>
    public void CompactHistory() => _store.CompactHistory();

    /// <summary>
    /// Answers the next <paramref name="count"/> requests matching verb (get, list, watch, create, update, patch,
    /// delete), resource (plural) and subresource (null: the object itself) with <paramref name="statusCode"/>
    /// and a Status body (e.g. 409 Conflict, 429 TooManyRequests, 500 InternalError, 503 ServiceUnavailable).
    /// </summary>
    public void FailNext(int count, string verb, string resource, int statusCode, string? subresource = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (_lock)
        {
            _rules.Add(new FailureRule(verb, resource, subresource, statusCode, count));
        }
    }

    /// <summary>Drops every pending <see cref="FailNext"/> rule.</summary>
    public void ClearFailures()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// From now on new requests hang until <see cref="Resume"/> (or until the client gives up), like an
    /// unreachable API server. Open watches are not affected; combine with <see cref="SilenceWatches"/>.
    /// </summary>
    public void Pause()
    {
        lock (_lock)
        {
            if (_gate.Task.IsCompleted)
            {
                _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Lets hanging and new requests through again.</summary>
    public void Resume()
    {
        lock (_lock)
        {
            _gate.TrySetResult();
        }
    }

    internal Task WaitIfPausedAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return _gate.Task.IsCompleted ? Task.CompletedTask : _gate.Task.WaitAsync(ct);
        }
    }

    internal ApiError? TakeFailure(string verb, string resource, string? subresource)
    {
        lock (_lock)
        {
            var rule = _rules.FirstOrDefault(r => r.TryConsume(verb, resource, subresource));
            _rules.RemoveAll(r => r.Remaining == 0);
            return rule is null ? null : FaultStatus.For(rule.StatusCode, verb, resource);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }
}
