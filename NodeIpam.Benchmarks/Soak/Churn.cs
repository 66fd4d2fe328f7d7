using System.Globalization;
using k8s.Models;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// One random change per step: node labels, addresses (special-purpose ones too), exclusions (label and taint), endpoint readiness and
/// placement, Service creation and deletion, and faults (watches closed, history compacted so resumes get 410,
/// status writes answered 409/500/429). The model stays in step, so the final plans are the reference.
/// </summary>
internal sealed class Churn(ClusterModel model, KubeApiSimulator simulator, ExclusionMonitor monitor, Random random, ScaleOptions cluster)
{
    private static readonly int[] FailureCodes = [409, 500, 429];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _nextService = cluster.Services;
    private int _nextIp;

    public string Summary() => string.Join(", ", _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    public void Step()
    {
        // Faults (kinds 11-13) one step in 40 or so: often enough to hit every phase, rarely enough to leave the
        // operator time to work between them.
        var kind = random.Next(14);
        if (kind >= 11 && random.Next(10) != 0)
        {
            kind = random.Next(11);
        }

        var name = kind switch
        {
            0 or 1 => ChangeNode("label", n => Toggle(n.Metadata.Labels, ClusterObjects.IngressLabel, "true")),
            2 => ChangeNode("zone", n => n.Metadata.Labels["topology.kubernetes.io/zone"] = ClusterObjects.Zone(random.Next(10))),
            3 when random.Next(3) == 0 => ChangeNode("special-purpose address", n => UnusableAddressCheck.Toggle(n, random)),
            3 => ChangeNode("address", n => SetExternalIp(n, random.Next(2) == 0 ? null : NextExternalIp())),
            4 => ChangeNode("exclude label", n => Toggle(n.Metadata.Labels, WellKnown.ExcludeFromLoadBalancersLabel, "true")),
            5 => ChangeNode("taint", ToggleTaint),
            6 or 7 => ChangeEndpoint("endpoint readiness", e => e.Conditions = new V1EndpointConditions { Ready = e.Conditions.Ready != true, Serving = e.Conditions.Ready != true, Terminating = false }),
            8 => ChangeEndpoint("endpoint move", e => e.NodeName = ClusterObjects.NodeName(random.Next(model.Nodes.Length))),
            9 => Create(),
            10 => Delete(),
            11 => Fault("watches closed", simulator.Faults.CloseAllWatches),
            12 => Fault("history compacted (410)", () =>
            {
                simulator.Faults.CompactHistory();
                simulator.Faults.CloseAllWatches();
            }),
            _ => Fault("status writes failed", () => simulator.Faults.FailNext(3, "patch", "services", FailureCodes[random.Next(FailureCodes.Length)], "status")),
        };
        _counts[name] = _counts.GetValueOrDefault(name) + 1;
    }

    private string ChangeNode(string name, Action<V1Node> change)
    {
        var index = random.Next(model.Nodes.Length);
        var old = model.Nodes[index].Status.Addresses.Select(a => a.Address).ToList();
        model.ChangeNode(index, change)();
        monitor.Observe(model.Nodes[index], old);
        return name;
    }

    private string ChangeEndpoint(string name, Action<V1Endpoint> change)
    {
        if (model.LocalServices.Count == 0)
        {
            return "skipped";
        }

        var service = model.LocalServices[random.Next(model.LocalServices.Count)];
        var slices = model.Slices(service);
        var slice = random.Next(slices.Count);
        var endpoint = random.Next(slices[slice].Endpoints.Count);
        model.ChangeSlice(service, slice, s => change(s.Endpoints[endpoint]))();
        return name;
    }

    private string Create()
    {
        model.AddService(_nextService++, cluster);
        return "service created";
    }

    private string Delete()
    {
        if (model.Services.Count <= 2)
        {
            return "skipped";
        }

        model.DeleteService(model.Services[random.Next(model.Services.Count)]);
        return "service deleted";
    }

    // Unique, so that an address always names one node.
    private string NextExternalIp()
    {
        _nextIp++;
        return string.Create(CultureInfo.InvariantCulture, $"198.51.{_nextIp >> 8 & 0xff}.{_nextIp & 0xff}");
    }

    private static string Fault(string name, Action fault)
    {
        fault();
        return name;
    }

    private static void Toggle(IDictionary<string, string> labels, string key, string value)
    {
        if (!labels.Remove(key))
        {
            labels[key] = value;
        }
    }

    private static void ToggleTaint(V1Node node)
    {
        var taints = node.Spec.Taints?.ToList() ?? [];
        if (taints.RemoveAll(t => t.Key == WellKnown.ToBeDeletedTaint) == 0)
        {
            taints.Add(new V1Taint { Key = WellKnown.ToBeDeletedTaint, Value = "1700000000", Effect = "NoSchedule" });
        }

        node.Spec.Taints = taints.Count > 0 ? taints : null;
    }

    private static void SetExternalIp(V1Node node, string? ip)
    {
        var addresses = node.Status.Addresses.Where(a => !(a.Type == "ExternalIP" && !a.Address.Contains(':', StringComparison.Ordinal))).ToList();
        if (ip is not null)
        {
            addresses.Add(new V1NodeAddress { Type = "ExternalIP", Address = ip });
        }

        node.Status.Addresses = addresses;
    }
}
