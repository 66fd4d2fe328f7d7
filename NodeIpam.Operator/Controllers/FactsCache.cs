using System.Runtime.CompilerServices;
using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The domain facts of cached objects, computed once per object version. Keyed by the cache's own immutable
/// instance (a change replaces the instance), so facts are never stale and need no invalidation, and they are
/// dropped with the instance. Thread-safe: informer handlers, index functions and workers share it.
/// A cached EndpointSlice keeps no endpoints (see <see cref="CacheTransforms.EndpointSlice"/>): its facts are
/// registered by the transform from the full object, so they must be read through here.
/// </summary>
internal sealed class FactsCache
{
    private readonly ConditionalWeakTable<V1Node, NodeFacts> _nodes = [];
    private readonly ConditionalWeakTable<V1Service, ServiceFacts> _services = [];
    private readonly ConditionalWeakTable<V1EndpointSlice, EndpointSliceFacts> _slices = [];
    private readonly ConditionalWeakTable<V1Node, NodeFacts>.CreateValueCallback _nodeFacts = static node => NodeFacts.From(node, shareLabels: true);
    private readonly ConditionalWeakTable<V1Service, ServiceFacts>.CreateValueCallback _serviceFacts;
    private readonly ConditionalWeakTable<V1EndpointSlice, EndpointSliceFacts>.CreateValueCallback _sliceFacts;

    public FactsCache(ManagementOptions management)
    {
        Management = management;
        _serviceFacts = service => ServiceFacts.From(service, management);
        _sliceFacts = slice => EndpointSliceFacts.From(slice, Names.Share);
    }

    /// <summary>Which Services are ours.</summary>
    public ManagementOptions Management { get; }

    /// <summary>The strings the caches share.</summary>
    public NamePool Names { get; } = new();

    /// <summary>The facts of a cached node.</summary>
    public NodeFacts Node(V1Node node) => _nodes.GetValue(node, _nodeFacts);

    /// <summary>The facts of a cached Service (its selector parsed once per Service change).</summary>
    public ServiceFacts Service(V1Service service) => _services.GetValue(service, _serviceFacts);

    /// <summary>The facts of a cached EndpointSlice (computed from it when the transform did not register them).</summary>
    public EndpointSliceFacts Slice(V1EndpointSlice slice) => _slices.GetValue(slice, _sliceFacts);

    /// <summary>Records the facts of <paramref name="cached"/>, extracted from the full object it was made from.</summary>
    public void Register(V1EndpointSlice cached, EndpointSliceFacts facts) => _slices.AddOrUpdate(cached, facts);
}
