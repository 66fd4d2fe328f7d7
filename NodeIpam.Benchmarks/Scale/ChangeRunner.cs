using System.Diagnostics;
using System.Globalization;
using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// Repeated relevant changes, one at a time: the expected plans are computed first (untimed), then the change is
/// written and timed until the watch shows the last affected Service's correct status; the status writes of each
/// change are counted against the Services whose status had to change.
/// </summary>
internal sealed class ChangeRunner(ClusterModel model, StatusTracker tracker, KubeApiSimulator simulator, ScaleOptions options, Dictionary<string, ServicePlan> plans)
{
    // Lets a duplicate or late write of the previous change land before the next change is counted.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, ServicePlan> _plans = plans;

    /// <summary>
    /// Alternately removes and restores the ingress label on a node with an ExternalIP, and moves such a node to the
    /// next zone and back: each changes the addresses of the Services selecting that label or zone.
    /// </summary>
    public async Task<ChangeFigures> LabelChangesAsync()
    {
        var figures = new ChangeFigures();
        var candidates = Enumerable.Range(0, model.Nodes.Length).Where(i => i % 20 == 0 && i % 50 != 7 && i % 100 != 13).ToList();
        for (var c = 0; c < options.Changes; c++)
        {
            var index = candidates[c / 2 % candidates.Count];
            Action<V1Node> change = (c / 2 % 2, c % 2) switch
            {
                (0, 0) => n => n.Metadata.Labels.Remove(ClusterObjects.IngressLabel),
                (0, _) => n => n.Metadata.Labels[ClusterObjects.IngressLabel] = "true",
                (_, 0) => n => n.Metadata.Labels["topology.kubernetes.io/zone"] = ClusterObjects.Zone((index + 1) % 10),
                _ => n => n.Metadata.Labels["topology.kubernetes.io/zone"] = ClusterObjects.Zone(index % 10),
            };
            await MeasureAsync(figures, () => model.ChangeNode(index, change), model.SelectorServices);
        }

        return Summarize(figures);
    }

    /// <summary>
    /// For Local Services in turn: marks not ready the only ready endpoint on a node whose address the Service
    /// advertises, then ready again.
    /// </summary>
    public async Task<(ChangeFigures NotReady, ChangeFigures Ready)> EndpointFlipsAsync()
    {
        var (notReady, ready) = (new ChangeFigures(), new ChangeFigures());
        for (var c = 0; c < options.Changes; c++)
        {
            var service = model.LocalServices[c * 7 % model.LocalServices.Count];
            if (FindDecisiveEndpoint(service) is not { } found)
            {
                continue;
            }

            await MeasureAsync(notReady, () => model.ChangeSlice(service, found.Slice, s => SetReady(s.Endpoints[found.Endpoint], false)), [service]);
            await MeasureAsync(ready, () => model.ChangeSlice(service, found.Slice, s => SetReady(s.Endpoints[found.Endpoint], true)), [service]);
        }

        return (Summarize(notReady), Summarize(ready));
    }

    public static string Describe(string what, ChangeFigures f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.Changes} {what}: p50 {f.P50Milliseconds:F0} ms, p99 {f.P99Milliseconds:F0} ms, max {f.MaxMilliseconds:F0} ms; {f.StatusWrites} writes for {f.AffectedServices} affected Services ({f.ChangesWithOtherWriteCount} changes with another count)");

    // prepare applies the change to the model and returns its write: the plans (untimed) come before the timed write.
    // Only the Services the change can concern by the domain's own rules are replanned (see ClusterModel): a slice
    // counts only for its own Service, node labels only for Services with a selector. At 5,000 x 2,000 a full replan
    // costs seconds per change.
    private async Task MeasureAsync(ChangeFigures figures, Func<Action> prepare, IReadOnlyList<string> replan)
    {
        await Task.Delay(Settle);
        var write = prepare();
        foreach (var name in replan)
        {
            _plans[name] = model.Plan(name);
        }

        var (affected, converged) = tracker.Expect(_plans);
        var before = ScaleBenchmark.StatusPatches(simulator);
        var start = Stopwatch.GetTimestamp();
        write();
        figures.Changes++;
        if (await Task.WhenAny(converged, Task.Delay(options.Timeout)) == converged)
        {
            figures.Converged++;
            figures.LatenciesMilliseconds.Add(Math.Max(0, Stopwatch.GetElapsedTime(start, converged.Result).TotalMilliseconds));
        }

        await Task.Delay(Settle);
        var writes = ScaleBenchmark.StatusPatches(simulator) - before;
        figures.AffectedServices += affected;
        figures.StatusWrites += writes;
        if (writes != affected)
        {
            figures.ChangesWithOtherWriteCount++;
        }
    }

    private (int Slice, int Endpoint)? FindDecisiveEndpoint(string service)
    {
        var current = tracker.Ingress(service).ToHashSet(StringComparer.Ordinal);
        var slices = model.Slices(service);
        for (var s = 0; s < slices.Count; s++)
        {
            for (var e = 0; e < slices[s].Endpoints.Count; e++)
            {
                var endpoint = slices[s].Endpoints[e];
                if (endpoint.Conditions.Ready != true || endpoint.NodeName is not { } nodeName)
                {
                    continue;
                }

                var node = model.Nodes[ClusterModel.NodeIndex(nodeName)];
                var advertised = node.Status.Addresses.Any(a => current.Contains(a.Address));
                var alone = slices.SelectMany(x => x.Endpoints).Count(x => x.NodeName == nodeName && x.Conditions.Ready == true) == 1;
                if (advertised && alone)
                {
                    return (s, e);
                }
            }
        }

        return null;
    }

    private static void SetReady(V1Endpoint endpoint, bool ready) =>
        endpoint.Conditions = new V1EndpointConditions { Ready = ready, Serving = ready, Terminating = false };

    private static ChangeFigures Summarize(ChangeFigures f)
    {
        var sorted = f.LatenciesMilliseconds.Order().ToList();
        f.P50Milliseconds = Percentile(sorted, 0.50);
        f.P99Milliseconds = Percentile(sorted, 0.99);
        f.MaxMilliseconds = sorted.Count > 0 ? sorted[^1] : double.NaN;
        return f;
    }

    // Nearest rank: with fewer than 100 samples the p99 is the maximum, which is the honest reading.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
