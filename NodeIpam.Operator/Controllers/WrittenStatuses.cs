using System.Collections.Concurrent;
using NodeIpam.Operator.Caching;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The status each Service was last given by our own writes, recorded before the write is sent, so the Service event
/// filter can recognise the watch echo of a write the controller already accounted for, even when the echo arrives
/// before the write's response. A status someone else set differs from it and is reconciled. Also tells when the
/// cache has not yet seen a write that succeeded (<see cref="CacheIsBehind"/>): a decision taken from that stale copy
/// could wrongly find the Service up to date. A reconcile that finds the cache behind asks to be told when the echo
/// arrives (<see cref="AwaitEcho"/>); the event filter then passes the echo on (<see cref="TakeAwaitedEcho"/>).
/// Thread-safe. The ingress written is kept as its digest.
/// </summary>
internal sealed class WrittenStatuses
{
    /// <summary>
    /// When the cache has not yet delivered our own last write of a Service, the Service is reconciled as
    /// soon as the informer delivers that version or a newer one; this is only the fallback, in case that never comes
    /// (a write's echo lost to a relist, a watch that keeps failing). Seconds, not milliseconds: while the Services
    /// watch is down a shorter delay only spins (50 ms made 567 reconciles in 11 s for 3 Services), and nothing can
    /// be decided better before the cache moves.
    /// </summary>
    public static readonly TimeSpan EchoFallback = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<ObjectKey, Written> _statuses = new();

    /// <summary>
    /// Remembers the status a write of <paramref name="key"/> is about to set on the version
    /// <paramref name="fromResourceVersion"/> the decision was made from; a null <paramref name="condition"/> is a
    /// release: our condition removed.
    /// </summary>
    public void Record(ObjectKey key, string? fromResourceVersion, IngressDigest ingress, DesiredCondition? condition) =>
        _statuses[key] = new Written(ingress, condition?.Status, condition?.Reason, condition?.Message)
        {
            From = fromResourceVersion,
        };

    /// <summary>The write of <paramref name="key"/> succeeded and made <paramref name="toResourceVersion"/>.</summary>
    public void Succeeded(ObjectKey key, string? toResourceVersion)
    {
        if (_statuses.TryGetValue(key, out var written))
        {
            written.To = toResourceVersion;
        }
    }

    /// <summary>
    /// True when our last write of <paramref name="key"/> changed the Service but <paramref name="cached"/> is still
    /// the version it was made from: the watch has not delivered the write yet. resourceVersions are compared only
    /// for equality, as the API requires; a write that changed nothing (same version before and after) expects nothing.
    /// </summary>
    public bool CacheIsBehind(ObjectKey key, CachedService cached) =>
        _statuses.TryGetValue(key, out var written) && written.IsAhead(cached);

    /// <summary>
    /// Asks that the next version of <paramref name="key"/> the informer delivers past our last write be passed to
    /// the controller. True only the first time for that write: one wait, however many times it is looked at again.
    /// </summary>
    public bool AwaitEcho(ObjectKey key) =>
        _statuses.TryGetValue(key, out var written) && Interlocked.CompareExchange(ref written.Awaited, 1, 0) == 0;

    /// <summary>
    /// True, once, when <paramref name="delivered"/> is past a write of <paramref name="key"/> whose echo a reconcile
    /// awaits (<see cref="AwaitEcho"/>): the Service must be reconciled even if this is only our own write's echo.
    /// </summary>
    public bool TakeAwaitedEcho(ObjectKey key, CachedService delivered) =>
        _statuses.TryGetValue(key, out var written)
        && Volatile.Read(ref written.Awaited) == 1
        && !written.IsAhead(delivered)
        && Interlocked.Exchange(ref written.Awaited, 2) == 1;

    /// <summary>True when <paramref name="service"/>'s status is exactly what our last write of it set.</summary>
    public bool IsOwnWrite(ObjectKey key, CachedService service)
    {
        if (!_statuses.TryGetValue(key, out var written))
        {
            return false;
        }

        var condition = service.Condition;
        return service.Ingress.Canonical && service.Ingress.Digest == written.Ingress
            && (written.Status is null
                ? condition is null
                : condition is not null
                    && condition.Status == written.Status
                    && condition.Reason == written.Reason
                    && condition.Message == written.Message);
    }

    /// <summary>Forgets a deleted Service.</summary>
    public void Forget(ObjectKey key) => _statuses.TryRemove(key, out _);

    // Status, Reason and Message are null for a release (our condition removed).
    private sealed record Written(IngressDigest Ingress, string? Status, string? Reason, string? Message)
    {
        // 0: nobody waits for the echo; 1: a reconcile waits; 2: the echo was passed on. Only ever increases.
        public int Awaited;

        public string? From { get; init; }

        // Set by the writing worker after the response; read by other workers (a reference write is atomic).
        public volatile string? To;

        // The write succeeded, changed the version, and the copy still shows the version it was made from.
        public bool IsAhead(CachedService cached) =>
            To is { } to && From is { } from && to != from && cached.ResourceVersion == from;
    }
}
