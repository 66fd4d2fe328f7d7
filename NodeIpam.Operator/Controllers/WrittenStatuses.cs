using System.Collections.Concurrent;
using k8s.Models;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The status each Service was last given by our own writes, recorded before the write is sent, so the Service event
/// filter can recognise the watch echo of a write the controller already accounted for, even when the echo arrives
/// before the write's response. A status someone else set differs from it and is reconciled. Also tells when the
/// cache has not yet seen a write that succeeded (<see cref="CacheIsBehind"/>): a decision taken from that stale copy
/// could wrongly find the Service up to date. Thread-safe. Addresses are stored as the caches' shared strings.
/// </summary>
internal sealed class WrittenStatuses(NamePool names)
{
    private readonly ConcurrentDictionary<ObjectKey, Written> _statuses = new();

    /// <summary>
    /// Remembers the status a write of <paramref name="key"/> is about to set on the version
    /// <paramref name="fromResourceVersion"/> the decision was made from.
    /// </summary>
    public void Record(ObjectKey key, string? fromResourceVersion, IReadOnlyList<string> ingress, DesiredCondition condition) =>
        _statuses[key] = new Written([.. ingress.Select(names.Share)], condition.Status, condition.Reason, condition.Message)
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
    public bool CacheIsBehind(ObjectKey key, V1Service cached) =>
        _statuses.TryGetValue(key, out var written)
        && written.To is { } to
        && written.From is { } from
        && to != from
        && cached.Metadata?.ResourceVersion == from;

    /// <summary>True when <paramref name="service"/>'s status is exactly what our last write of it set.</summary>
    public bool IsOwnWrite(ObjectKey key, V1Service service)
    {
        if (!_statuses.TryGetValue(key, out var written))
        {
            return false;
        }

        var (ips, canonical) = StatusDecider.CurrentIngress(service);
        var condition = ServiceChangeFilter.OurCondition(service);
        return canonical
            && ips.Count == written.Ingress.Length
            && ips.ToHashSet(StringComparer.Ordinal).SetEquals(written.Ingress)
            && condition is not null
            && condition.Status == written.Status
            && condition.Reason == written.Reason
            && condition.Message == written.Message;
    }

    /// <summary>Forgets a deleted Service.</summary>
    public void Forget(ObjectKey key) => _statuses.TryRemove(key, out _);

    private sealed record Written(string[] Ingress, string Status, string Reason, string Message)
    {
        public string? From { get; init; }

        // Set by the writing worker after the response; read by other workers (a reference write is atomic).
        public volatile string? To;
    }
}
