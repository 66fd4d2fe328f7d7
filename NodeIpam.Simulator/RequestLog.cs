using System.Collections.Concurrent;

namespace NodeIpam.Simulator;

/// <summary>
/// Counters of the requests the simulator received, by verb (get, list, watch, create, update, patch, delete,
/// deletecollection), resource (plural, e.g. services; empty for discovery and other non-resource paths),
/// subresource and user agent. Thread-safe.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<(string Verb, string Resource, string Subresource, string UserAgent), int> _counts = new();

    /// <summary>
    /// Requests matching every given filter. Null matches anything; a subresource of "" matches only requests to
    /// the object itself; <paramref name="userAgent"/> matches when the user agent contains it.
    /// </summary>
    public int Count(string? verb = null, string? resource = null, string? subresource = null, string? userAgent = null) =>
        _counts.Where(p => (verb is null || p.Key.Verb == verb)
                && (resource is null || p.Key.Resource == resource)
                && (subresource is null || p.Key.Subresource == subresource)
                && (userAgent is null || p.Key.UserAgent.Contains(userAgent, StringComparison.Ordinal)))
            .Sum(p => p.Value);

    /// <summary>Forgets every count.</summary>
    public void Reset() => _counts.Clear();

    internal void Record(string verb, string resource, string? subresource, string userAgent) =>
        _counts.AddOrUpdate((verb, resource, subresource ?? "", userAgent), 1, (_, n) => n + 1);
}
