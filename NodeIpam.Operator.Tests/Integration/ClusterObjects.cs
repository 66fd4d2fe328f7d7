using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>Builders for the objects the integration tests create in the simulator.</summary>
internal static class ClusterObjects
{
    public static V1Node Node(string name, string internalIp, string? externalIp = null, params string[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = LabelSet(labels) },
        Status = new V1NodeStatus
        {
            Addresses =
            [
                new V1NodeAddress { Type = "Hostname", Address = name },
                new V1NodeAddress { Type = "InternalIP", Address = internalIp },
                .. externalIp is null ? (V1NodeAddress[])[] : [new V1NodeAddress { Type = "ExternalIP", Address = externalIp }],
            ],
            Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastHeartbeatTime = DateTime.UtcNow }],
        },
    };

    public static V1Service Service(
        string name,
        string? selector = null,
        string? policy = null,
        string? loadBalancerClass = WellKnown.LoadBalancerClass,
        int ports = 1) => new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = OperatorHarness.Namespace,
                Annotations = selector is null ? null : new Dictionary<string, string> { [WellKnown.MatchNodeLabelsAnnotation] = selector },
            },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                LoadBalancerClass = loadBalancerClass,
                ExternalTrafficPolicy = policy,
                Selector = new Dictionary<string, string> { ["app"] = name },
                Ports = [.. Enumerable.Range(0, ports).Select(i => new V1ServicePort { Name = $"p{i}", Port = 1000 + i, Protocol = "TCP" })],
            },
        };

    public static V1EndpointSlice Slice(string name, string service, params V1Endpoint[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = OperatorHarness.Namespace,
            Labels = new Dictionary<string, string> { [WellKnown.ServiceNameLabel] = service },
        },
        AddressType = "IPv4",
        Endpoints = endpoints,
        Ports = [new Discoveryv1EndpointPort { Name = "p0", Port = 8080, Protocol = "TCP" }],
    };

    public static V1Endpoint Endpoint(string? node, string pod, bool ready = true, string address = "10.244.0.1") => new()
    {
        Addresses = [address],
        NodeName = node,
        TargetRef = new V1ObjectReference { Kind = "Pod", Name = pod, NamespaceProperty = OperatorHarness.Namespace },
        Conditions = new V1EndpointConditions { Ready = ready, Serving = ready, Terminating = false },
    };

    private static Dictionary<string, string>? LabelSet(string[] pairs) =>
        pairs.Length == 0 ? null : pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
}
