using k8s.Models;

namespace NodeIpam.Operator.Cli;

/// <summary>The objects <c>plan</c> reads from a dump; each list holds one object per name (the last one read wins).</summary>
/// <param name="Nodes">The Nodes.</param>
/// <param name="Services">The Services.</param>
/// <param name="EndpointSlices">The discovery.k8s.io/v1 EndpointSlices.</param>
internal sealed record ClusterDump(IReadOnlyList<V1Node> Nodes, IReadOnlyList<V1Service> Services, IReadOnlyList<V1EndpointSlice> EndpointSlices);
