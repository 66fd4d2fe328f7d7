using System.Globalization;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Benchmarks.Domain;

/// <summary>
/// A deterministic cluster shaped like a large real one: nodes in 5 zones and 3 pools, dual-stack InternalIPs,
/// an ExternalIP on every 10th node, 1% excluded; EndpointSlices spreading endpoints over the nodes.
/// </summary>
internal static class SyntheticCluster
{
    public static List<NodeFacts> Nodes(int count) => [.. Enumerable.Range(0, count).Select(i => NodeAdapter.From(Node(i)))];

    public static V1Node Node(int i)
    {
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = $"node-{i}",
            ["kubernetes.io/os"] = "linux",
            ["topology.kubernetes.io/zone"] = $"zone-{(char)('a' + (i % 5))}",
            ["node.example.com/pool"] = (i % 3) switch { 0 => "edge", 1 => "general", _ => "batch" },
        };
        if (i % 100 == 99)
        {
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "true";
        }

        var addresses = new List<V1NodeAddress>
        {
            new() { Type = "InternalIP", Address = $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}" },
            new() { Type = "InternalIP", Address = $"fd00::{i:x}" },
            new() { Type = "Hostname", Address = $"node-{i}" },
        };
        if (i % 10 == 0)
        {
            addresses.Add(new V1NodeAddress { Type = "ExternalIP", Address = $"203.0.{i / 256 % 256}.{i % 256}" });
        }

        return new V1Node
        {
            Metadata = new V1ObjectMeta { Name = $"node-{i}", Labels = labels },
            Status = new V1NodeStatus { Addresses = addresses },
        };
    }

    public static List<EndpointSliceFacts> Slices(string ns, string service, int slices, int endpointsPerSlice, int nodeCount) =>
        [.. Enumerable.Range(0, slices).Select(s => EndpointSliceAdapter.From(new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{service}-{s.ToString(CultureInfo.InvariantCulture)}",
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service },
            },
            AddressType = "IPv4",
            Endpoints = [.. Enumerable.Range(0, endpointsPerSlice).Select(e =>
            {
                var n = ((s * endpointsPerSlice) + e) * 7 % nodeCount;
                return new V1Endpoint
                {
                    Addresses = [$"10.244.{n / 256 % 256}.{n % 256}"],
                    NodeName = $"node-{n}",
                    TargetRef = new V1ObjectReference { Kind = "Pod", Name = $"{service}-{s}-{e}" },
                    Conditions = new V1EndpointConditions { Ready = e % 10 != 0 },
                };
            })],
        }))];

    public static ServiceFacts Service(string? selector, bool local, params string[] families) => ServiceAdapter.Facts(
        new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                NamespaceProperty = "shop",
                Annotations = selector is null ? null : new Dictionary<string, string> { [WellKnown.MatchNodeLabelsAnnotation] = selector },
            },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                LoadBalancerClass = WellKnown.LoadBalancerClass,
                ExternalTrafficPolicy = local ? "Local" : "Cluster",
                IpFamilies = families,
            },
        },
        ManagementOptions.Default);
}
