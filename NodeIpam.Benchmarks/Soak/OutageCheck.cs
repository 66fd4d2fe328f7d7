using System.Diagnostics;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// An API outage: every request to the resources the operator uses (Services, their status, Nodes, EndpointSlices,
/// Leases, Events) is answered 503 for <see cref="Duration"/> and open watches are closed, so the informers back
/// off and the leader loses its lease (it exits 1 and is restarted, as a pod would be). When the API is back,
/// nodes change at once; the recovery time runs from the API's return to the moment every status equals the plan
/// again, and must stay within <see cref="RecoveryBound"/> (the 30 s reconnect cap plus a few seconds).
/// </summary>
internal static class OutageCheck
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(35);
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RestartBeforeEnd = TimeSpan.FromSeconds(8);
    private static readonly string[] Verbs = ["get", "list", "watch", "create", "update", "patch", "delete"];
    private static readonly string[] Resources = ["services", "nodes", "endpointslices", "leases", "events"];

    /// <summary>Runs the outage on a quiet, converged cluster; returns the violations and a line of figures (the recovery time).</summary>
    public static async Task<(List<string> Violations, string Figures)> RunAsync(
        KubeApiSimulator simulator, StatusTracker tracker, ClusterModel model, ExclusionMonitor monitor, Func<Task<int>> restartExited)
    {
        var violations = new List<string>();
        foreach (var resource in Resources)
        {
            foreach (var verb in Verbs)
            {
                simulator.Faults.FailNext(int.MaxValue, verb, resource, 503);
            }
        }

        simulator.Faults.FailNext(int.MaxValue, "patch", "services", 503, "status");
        simulator.Faults.FailNext(int.MaxValue, "update", "services", 503, "status");
        simulator.Faults.CloseAllWatches();

        // The leader exits 1 once its lease cannot be renewed (10 s); like the kubelet, restart it while the API is
        // still down, so it comes back as a standby and costs no CPU during the recovery.
        await Task.Delay(Duration - RestartBeforeEnd);
        var restarted = await restartExited();
        await Task.Delay(RestartBeforeEnd);
        simulator.Faults.ClearFailures();
        var back = Stopwatch.GetTimestamp();

        // Changes right after the return: labels (Services with a selector) and addresses (every Service without one).
        var changed = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var index = (i * 53) % model.Nodes.Length;
            var old = model.Nodes[index].Status.Addresses.Select(a => a.Address).ToList();
            model.ChangeNode(index, n =>
            {
                if (i % 2 == 0 && !n.Metadata.Labels.Remove(ClusterObjects.IngressLabel))
                {
                    n.Metadata.Labels[ClusterObjects.IngressLabel] = "true";
                }
                else if (i % 2 == 1)
                {
                    n.Status.Addresses = [.. n.Status.Addresses.Where(a => a.Type != "ExternalIP" || a.Address.Contains(':', StringComparison.Ordinal)), new() { Type = "ExternalIP", Address = $"198.18.{i}.{index % 250}" }];
                }
            })();
            monitor.Observe(model.Nodes[index], old);
            changed.Add(ClusterObjects.NodeName(index));
        }

        var (wrong, converged) = tracker.Expect(model.PlanAll());
        var done = await Task.WhenAny(converged, Task.Delay(GiveUp)) == converged;
        var recovery = done ? Stopwatch.GetElapsedTime(back, await converged) : (TimeSpan?)null;
        if (recovery is not { } r || r > RecoveryBound)
        {
            violations.Add($"API outage: statuses not right within {RecoveryBound.TotalSeconds:F0} s of the API coming back (took {(recovery is { } t ? $"{t.TotalSeconds:F1} s" : $"more than {GiveUp.TotalMinutes:F0} min; still wrong: {string.Join(", ", tracker.Wrong().Take(10))}")})");
        }

        return (violations, $"API outage: {Duration.TotalSeconds:F0} s of 503s, {changed.Count} nodes changed on return ({wrong} Services to update), {restarted} operator(s) restarted after losing the lease; recovery {(recovery is { } s ? $"{s.TotalSeconds:F1} s" : "none")} (bound {RecoveryBound.TotalSeconds:F0} s)");
    }
}
