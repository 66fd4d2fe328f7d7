using System.Collections.Concurrent;
using System.Diagnostics;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// Checks every Service status the watch delivers against node exclusions: an address of a node excluded for longer
/// than the grace (the operator's cache lag) is a violation. Updated by the churn thread, read by the watch thread.
/// </summary>
internal sealed class ExclusionMonitor(TimeSpan grace)
{
    private readonly ConcurrentDictionary<string, string> _nodeOfIp = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _excludedSince = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();

    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>The longest time after an exclusion that a status still carried the node's address (within the grace).</summary>
    public TimeSpan LongestLag { get; private set; }

    public int Checked { get; private set; }

    /// <summary>Records a node as now written (its addresses and whether it is excluded).</summary>
    public void Observe(V1Node node, IEnumerable<string> oldAddresses)
    {
        var name = node.Metadata.Name;
        foreach (var ip in oldAddresses)
        {
            _nodeOfIp.TryRemove(new KeyValuePair<string, string>(ip, name));
        }

        foreach (var address in node.Status.Addresses.Where(a => a.Type is "InternalIP" or "ExternalIP"))
        {
            _nodeOfIp[address.Address] = name;
        }

        if (NodeAdapter.From(node).Exclusions == NodeExclusions.None)
        {
            _excludedSince.TryRemove(name, out _);
        }
        else
        {
            _excludedSince.TryAdd(name, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>The watch hook.</summary>
    public void Inspect(V1Service service)
    {
        Checked++;
        foreach (var ip in service.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip).OfType<string>() ?? [])
        {
            if (_nodeOfIp.TryGetValue(ip, out var node) && _excludedSince.TryGetValue(node, out var since))
            {
                var lag = Stopwatch.GetElapsedTime(since);
                if (lag > grace)
                {
                    _violations.Enqueue($"{service.Metadata.Name} written with {ip} of {node}, excluded {lag.TotalSeconds:F1} s before");
                }
                else if (lag > LongestLag)
                {
                    LongestLag = lag;
                }
            }
        }
    }
}
