using BenchmarkDotNet.Attributes;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Benchmarks.Domain;

/// <summary>One Service with externalTrafficPolicy Local, 1,000 EndpointSlices, over 5,000 nodes.</summary>
public class LocalPolicyBenchmarks
{
    private const int NodeCount = 5_000;
    private const int SliceCount = 1_000;
    private List<NodeFacts> nodes = [];
    private List<EndpointSliceFacts> slices = [];
    private ServiceFacts local = null!;

    /// <summary>Endpoints per slice: 10 (sparse) and 100 (the EndpointSlice controller's default maximum).</summary>
    [Params(10, 100)]
    public int EndpointsPerSlice { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        nodes = SyntheticCluster.Nodes(NodeCount);
        slices = SyntheticCluster.Slices("shop", "web", SliceCount, EndpointsPerSlice, NodeCount);
        local = SyntheticCluster.Service(selector: null, local: true, "IPv4");
    }

    [Benchmark(Description = "Local, 1,000 EndpointSlices, 5,000 nodes")]
    public object Local() => ServicePlanner.Plan(local, nodes, slices);
}
