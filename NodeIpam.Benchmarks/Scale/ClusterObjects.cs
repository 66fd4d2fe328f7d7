using System.Globalization;
using k8s.Models;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// Builders of realistic objects, as heavy as a real cluster's: nodes with the usual labels, some taints, some
/// excluded, IPv4 and (for a quarter) IPv6 InternalIPs, IPv4 ExternalIPs on a quarter and IPv6 ones on an eighth, five conditions, capacity,
/// node info and 50 container images; LoadBalancer Services; EndpointSlices of up to 100 endpoints.
/// </summary>
internal static class ClusterObjects
{
    /// <summary>Label the benchmark toggles to change which nodes a selector matches.</summary>
    public const string IngressLabel = "example.com/ingress-ready";

    /// <summary>The namespace of every Service and slice.</summary>
    public const string Namespace = "default";

    private const int ImagesPerNode = 50;
    private static readonly string[] InstanceTypes = ["m5.xlarge", "m5.2xlarge", "c5.2xlarge", "r5.xlarge", "g4dn.xlarge"];
    private static readonly string[] ConditionTypes = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"];

    public static string NodeName(int i) => string.Create(CultureInfo.InvariantCulture, $"node-{i:D5}");

    public static string Zone(int zone) => string.Create(CultureInfo.InvariantCulture, $"zone-{zone}");

    public static V1Node Node(int i, DateTime heartbeat)
    {
        var name = NodeName(i);
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["topology.kubernetes.io/region"] = "region-1",
            ["topology.kubernetes.io/zone"] = Zone(i % 10),
            ["node.kubernetes.io/instance-type"] = InstanceTypes[i % InstanceTypes.Length],
            ["example.com/pool"] = string.Create(CultureInfo.InvariantCulture, $"pool-{i % 20}"),
        };
        if (i % 10 == 0)
        {
            labels[IngressLabel] = "true";
        }

        if (i % 50 == 7)
        {
            labels[WellKnown.ExcludeFromLoadBalancersLabel] = "true";
        }

        var taints = new List<V1Taint>();
        if (i % 100 == 13)
        {
            taints.Add(new V1Taint { Key = WellKnown.ToBeDeletedTaint, Value = "1700000000", Effect = "NoSchedule" });
        }

        if (i % 20 == 4)
        {
            taints.Add(new V1Taint { Key = "nvidia.com/gpu", Value = "present", Effect = "NoSchedule" });
        }

        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1NodeSpec
            {
                PodCIDR = Ip4(10, 128 + (i >> 8 & 0x3f), i & 0xff, 0) + "/24",
                ProviderID = "aws:///eu-west-1a/i-0" + i.ToString("x12", CultureInfo.InvariantCulture),
                Taints = taints.Count > 0 ? taints : null,
            },
            Status = new V1NodeStatus
            {
                Addresses = Addresses(i, name),
                Conditions = Conditions(heartbeat),
                Capacity = Resources("16", "64Gi", "110"),
                Allocatable = Resources("15890m", "62Gi", "110"),
                NodeInfo = new V1NodeSystemInfo
                {
                    Architecture = "amd64",
                    BootID = Guid.NewGuid().ToString(),
                    MachineID = Guid.NewGuid().ToString("N"),
                    SystemUUID = Guid.NewGuid().ToString(),
                    ContainerRuntimeVersion = "containerd://1.7.22",
                    KernelVersion = "6.8.0-1019-aws",
                    KubeProxyVersion = "v1.33.1",
                    KubeletVersion = "v1.33.1",
                    OperatingSystem = "linux",
                    OsImage = "Ubuntu 24.04.1 LTS",
                },
                DaemonEndpoints = new V1NodeDaemonEndpoints { KubeletEndpoint = new V1DaemonEndpoint { Port = 10250 } },
                Images = [.. Enumerable.Range(0, ImagesPerNode).Select(k => Image(i, k))],
            },
        };
    }

    /// <summary>A kubelet heartbeat: only the conditions' lastHeartbeatTime moves.</summary>
    public static void Heartbeat(V1Node node, DateTime now) => node.Status.Conditions = Conditions(now);

    public static V1Service Service(string name, bool local, string? selector, bool dualStack) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name, ["app.kubernetes.io/part-of"] = "bench" },
            Annotations = selector is null ? null : new Dictionary<string, string> { [WellKnown.MatchNodeLabelsAnnotation] = selector },
        },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            LoadBalancerClass = WellKnown.LoadBalancerClass,

            // As on a real cluster, 2,000 LoadBalancer Services with node ports would exhaust 30000-32767.
            AllocateLoadBalancerNodePorts = false,
            ExternalTrafficPolicy = local ? "Local" : "Cluster",
            IpFamilyPolicy = dualStack ? "RequireDualStack" : null,
            IpFamilies = dualStack ? ["IPv4", "IPv6"] : null,
            Selector = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name },
            Ports =
            [
                new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080, Protocol = "TCP" },
                new V1ServicePort { Name = "https", Port = 443, TargetPort = 8443, Protocol = "TCP" },
            ],
        },
    };

    public static V1EndpointSlice Slice(string service, int index, IEnumerable<V1Endpoint> endpoints) => new()
    {
        ApiVersion = "discovery.k8s.io/v1",
        Kind = "EndpointSlice",
        Metadata = new V1ObjectMeta
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{service}-{index:D3}"),
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string>
            {
                [WellKnown.ServiceNameLabel] = service,
                ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io",
            },
        },
        AddressType = "IPv4",
        Endpoints = [.. endpoints],
        Ports =
        [
            new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" },
            new Discoveryv1EndpointPort { Name = "https", Port = 8443, Protocol = "TCP" },
        ],
    };

    public static V1Endpoint Endpoint(string service, int serial, string node, bool ready) => new()
    {
        Addresses = [Ip4(10, 64 + (serial >> 16 & 0x3f), serial >> 8 & 0xff, serial & 0xff)],
        NodeName = node,
        Zone = null,
        Conditions = new V1EndpointConditions { Ready = ready, Serving = ready, Terminating = false },
        TargetRef = new V1ObjectReference
        {
            Kind = "Pod",
            Name = string.Create(CultureInfo.InvariantCulture, $"{service}-{serial:x6}"),
            NamespaceProperty = Namespace,
            Uid = Guid.NewGuid().ToString(),
        },
    };

    private static List<V1NodeAddress> Addresses(int i, string name)
    {
        var list = new List<V1NodeAddress>
        {
            new() { Type = "InternalIP", Address = Ip4(10, i >> 8 & 0x3f, i & 0xff, 10) },
        };
        if (i % 4 == 0)
        {
            list.Add(new V1NodeAddress { Type = "InternalIP", Address = string.Create(CultureInfo.InvariantCulture, $"fd00:10::{i:x}") });
        }

        // ExternalIPs on a quarter of the nodes: a Cluster Service without a selector advertises about 1,250 addresses,
        // about 1,000 on average with the selectors, as on the large clusters the operator is meant for.
        if (i % 4 == 0)
        {
            list.Add(new V1NodeAddress { Type = "ExternalIP", Address = Ip4(198, 18 + (i >> 16), i >> 8 & 0xff, i & 0xff) });
        }

        if (i % 8 == 0)
        {
            list.Add(new V1NodeAddress { Type = "ExternalIP", Address = string.Create(CultureInfo.InvariantCulture, $"2001:db8::{i:x}") });
        }

        list.Add(new V1NodeAddress { Type = "Hostname", Address = name });
        list.Add(new V1NodeAddress { Type = "InternalDNS", Address = name + ".eu-west-1.compute.internal" });
        return list;
    }

    private static List<V1NodeCondition> Conditions(DateTime heartbeat) =>
    [
        .. ConditionTypes.Select(type => new V1NodeCondition
        {
            Type = type,
            Status = type == "Ready" ? "True" : "False",
            Reason = type == "Ready" ? "KubeletReady" : "KubeletHasSufficient" + type.Replace("Pressure", string.Empty, StringComparison.Ordinal),
            Message = type == "Ready" ? "kubelet is posting ready status" : "kubelet has no " + type,
            LastHeartbeatTime = heartbeat,
            LastTransitionTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }),
    ];

    private static Dictionary<string, ResourceQuantity> Resources(string cpu, string memory, string pods) => new()
    {
        ["cpu"] = new ResourceQuantity(cpu),
        ["memory"] = new ResourceQuantity(memory),
        ["pods"] = new ResourceQuantity(pods),
        ["ephemeral-storage"] = new ResourceQuantity("95Gi"),
    };

    private static V1ContainerImage Image(int node, int k)
    {
        // Mostly shared images (as on a real fleet), a few node-specific ones.
        var image = k < 45 ? string.Create(CultureInfo.InvariantCulture, $"registry.example.com/team-{k % 9}/service-{k}") : string.Create(CultureInfo.InvariantCulture, $"registry.example.com/jobs/job-{node % 97}-{k}");
        var digest = Convert.ToHexStringLower(BitConverter.GetBytes((long)node * 131 + k)).PadRight(64, 'a');
        return new V1ContainerImage
        {
            Names = [image + "@sha256:" + digest, image + ":v1." + (k % 7).ToString(CultureInfo.InvariantCulture) + ".3"],
            SizeBytes = 20_000_000 + (k * 1_234_567L),
        };
    }

    private static string Ip4(int a, int b, int c, int d) => string.Create(CultureInfo.InvariantCulture, $"{a}.{b}.{c}.{d}");
}
