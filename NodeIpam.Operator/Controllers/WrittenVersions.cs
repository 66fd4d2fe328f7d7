using System.Collections.Concurrent;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The resourceVersion each of our own status writes produced, so the Service event filter can recognise the watch
/// echo of a write the controller already accounted for. Thread-safe.
/// </summary>
internal sealed class WrittenVersions
{
    private readonly ConcurrentDictionary<ObjectKey, string> _versions = new();

    /// <summary>Remembers that our write of <paramref name="key"/> produced <paramref name="resourceVersion"/>.</summary>
    public void Record(ObjectKey key, string? resourceVersion)
    {
        if (string.IsNullOrEmpty(resourceVersion))
        {
            _versions.TryRemove(key, out _);
            return;
        }

        _versions[key] = resourceVersion;
    }

    /// <summary>True when <paramref name="resourceVersion"/> is the version our last write of the key produced.</summary>
    public bool IsOwnWrite(ObjectKey key, string? resourceVersion) =>
        resourceVersion is not null && _versions.TryGetValue(key, out var written) && written == resourceVersion;

    /// <summary>Forgets a deleted Service.</summary>
    public void Forget(ObjectKey key) => _versions.TryRemove(key, out _);
}
