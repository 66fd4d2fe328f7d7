using k8s;
using k8s.Models;

namespace NodeIpam.Runtime.Events;

/// <summary>
/// Records events.k8s.io/v1 Events about objects (client-go's events.EventRecorder). Recording never blocks and
/// never throws: events are queued and sent in the background, and a failure is only logged. Repeats of the same
/// event about the same object are folded into one Event with a series count, and each object's events are
/// rate-limited, so a hot reconcile loop cannot flood the API server.
/// </summary>
public interface IEventRecorder
{
    /// <summary>
    /// Records that <paramref name="action"/> was taken (or failed) on <paramref name="regarding"/> for
    /// <paramref name="reason"/> (UpperCamelCase, e.g. <c>AddressAssigned</c>). <paramref name="note"/> is for
    /// humans and is truncated to 1 KiB.
    /// </summary>
    void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string action, string? note);

    /// <summary>
    /// As <see cref="Record(IKubernetesObject{V1ObjectMeta}, EventType, string, string, string?)"/>, for a caller that
    /// holds a reference to the object rather than the object (a cache of records): apiVersion, kind, namespace,
    /// name, uid and resourceVersion.
    /// </summary>
    void Record(V1ObjectReference regarding, EventType type, string reason, string action, string? note);
}
