using BenchmarkDotNet.Attributes;
using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Benchmarks.Domain;

/// <summary>One Service with externalTrafficPolicy Cluster over 5,000 nodes: the per-Service cost the controller pays.</summary>
public class ClusterPolicyBenchmarks
{
    private const int NodeCount = 5_000;
    private List<NodeFacts> nodes = [];
    private List<EndpointSliceFacts> noSlices = [];
    private ServiceFacts everyNode = null!;
    private ServiceFacts selector = null!;
    private ServiceFacts dualStack = null!;
    private V1Node oneNode = null!;

    [GlobalSetup]
    public void Setup()
    {
        nodes = SyntheticCluster.Nodes(NodeCount);
        noSlices = [];
        everyNode = SyntheticCluster.Service(selector: null, local: false, "IPv4");
        selector = SyntheticCluster.Service("topology.kubernetes.io/zone in (zone-a,zone-b),node.example.com/pool!=batch", local: false, "IPv4");
        dualStack = SyntheticCluster.Service(selector: null, local: false, "IPv4", "IPv6");
        oneNode = SyntheticCluster.Node(42);
    }

    [Benchmark(Description = "Cluster, no selector, IPv4, 5,000 nodes")]
    public object EveryNode() => ServicePlanner.Plan(everyNode, nodes, noSlices);

    [Benchmark(Description = "Cluster, selector (2 requirements), IPv4, 5,000 nodes")]
    public object WithSelector() => ServicePlanner.Plan(selector, nodes, noSlices);

    [Benchmark(Description = "Cluster, no selector, dual-stack, 5,000 nodes")]
    public object DualStack() => ServicePlanner.Plan(dualStack, nodes, noSlices);

    [Benchmark(Description = "plan --service: explain 5,000 nodes")]
    public int Explain() => ServicePlanner.Plan(selector, nodes, noSlices).ExplainNodes().Count;

    [Benchmark(Description = "NodeFacts.From (one node change)")]
    public object NodeFacts() => Operator.Caching.NodeAdapter.From(oneNode);

    [Benchmark(Description = "ServiceFacts.From with selector (one Service change)")]
    public object ServiceFacts() => SyntheticCluster.Service("topology.kubernetes.io/zone in (zone-a,zone-b),node.example.com/pool!=batch", local: false, "IPv4");
}
