using k8s.Models;

namespace NodeIpam.Operator.Tests.Domain;

/// <summary>Small builders for the Kubernetes objects the domain reads.</summary>
internal static class TestObjects
{
    public static V1Node Node(string name, IDictionary<string, string>? labels = null, params (string Type, string Address)[] addresses) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels is null ? null : new Dictionary<string, string>(labels) },
        Status = new V1NodeStatus { Addresses = addresses.Select(a => new V1NodeAddress { Address = a.Address, Type = a.Type }).ToList() },
    };

    public static V1Node WithTaint(this V1Node node, string key, string effect = "NoSchedule")
    {
        node.Spec ??= new V1NodeSpec();
        node.Spec.Taints = [.. node.Spec.Taints ?? [], new V1Taint { Effect = effect, Key = key }];
        return node;
    }

    public static V1Node Deleting(this V1Node node)
    {
        node.Metadata.DeletionTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return node;
    }

    public static V1Service Service(
        string name = "web",
        string ns = "shop",
        string? selector = null,
        string? policy = null,
        string? loadBalancerClass = "io.cilium/node",
        string type = "LoadBalancer",
        IList<string>? families = null,
        IList<string>? clusterIps = null) => new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Annotations = selector is null ? null : new Dictionary<string, string> { ["io.cilium.nodeipam/match-node-labels"] = selector },
            },
            Spec = new V1ServiceSpec
            {
                Type = type,
                LoadBalancerClass = loadBalancerClass,
                ExternalTrafficPolicy = policy,
                IpFamilies = families,
                ClusterIPs = clusterIps,
            },
        };

    public static V1EndpointSlice Slice(string name, string service, string ns = "shop", params V1Endpoint[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = service },
        },
        AddressType = "IPv4",
        Endpoints = endpoints,
    };

    public static V1Endpoint Endpoint(string? node, bool? ready = null, bool? serving = null, bool? terminating = null, string? pod = null) => new()
    {
        Addresses = ["10.244.0.1"],
        NodeName = node,
        TargetRef = pod is null ? null : new V1ObjectReference { Kind = "Pod", Name = pod },
        Conditions = new V1EndpointConditions { Ready = ready, Serving = serving, Terminating = terminating },
    };

    public static IDictionary<string, string> LabelSet(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
}
