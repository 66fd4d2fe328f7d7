using System.Collections.Concurrent;
using k8s.Models;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The status each Service was last given by our own writes, recorded before the write is sent, so the Service event
/// filter can recognise the watch echo of a write the controller already accounted for, even when the echo arrives
/// before the write's response. A status someone else set differs from it and is reconciled. Thread-safe.
/// </summary>
internal sealed class WrittenStatuses
{
    private readonly ConcurrentDictionary<ObjectKey, Written> _statuses = new();

    /// <summary>Remembers the status a write of <paramref name="key"/> is about to set.</summary>
    public void Record(ObjectKey key, IReadOnlyList<string> ingress, DesiredCondition condition) =>
        _statuses[key] = new Written([.. ingress], condition.Status, condition.Reason, condition.Message);

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

    private sealed record Written(string[] Ingress, string Status, string Reason, string Message);
}
