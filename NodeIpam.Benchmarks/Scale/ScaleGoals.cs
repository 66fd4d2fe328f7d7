using System.Globalization;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>The goals of the scale issues (7, then 11), compared with one run's figures.</summary>
internal static class ScaleGoals
{
    /// <summary>Cold start may take at most this multiple of the ideal client's time on the same server, same run.</summary>
    public const double ColdStartFactor = 1.5;

    /// <summary>p99 from a node label change to the last affected Service's status, at 5,000 nodes / 2,000 Services.</summary>
    public const double LabelChangeP99Milliseconds = 300;

    /// <summary>p99 from an endpoint becoming ready to the Service's status.</summary>
    public const double EndpointReadyP99Milliseconds = 100;

    /// <summary>Steady working set of the operator at 5,000 nodes, with the build we ship.</summary>
    public const double SteadyMegabytes = 140;

    /// <summary>Peak working set of the operator at 5,000 nodes (the cold start).</summary>
    public const double PeakMegabytes = 180;

    /// <summary>What the caches may add to the steady working set of the operator on an empty cluster.</summary>
    public const double GrowthMegabytes = 25;

    public static List<GoalResult> Evaluate(ScaleFigures f)
    {
        var ratio = f.ColdStartSeconds / f.IdealClientSeconds;
        var exactWrites = f.LabelChanges.StatusWrites == f.LabelChanges.AffectedServices
            && f.EndpointReady.StatusWrites == f.EndpointReady.AffectedServices
            && f.EndpointNotReady.StatusWrites == f.EndpointNotReady.AffectedServices
            && f.ColdStartWrites == f.WritesNeeded;
        var growth = f.SteadyWorkingSetMegabytes - f.EmptyClusterWorkingSetMegabytes;
        var atScale = f.Nodes < 5000 ? " (goal set for 5,000/2,000)" : "";
        return
        [
            new(
                Invariant($"cold start within {ColdStartFactor:F1}x of the ideal client"),
                f.ColdStartConverged && ratio <= ColdStartFactor,
                Invariant($"{f.ColdStartSeconds:F2} s vs ideal client {f.IdealClientSeconds:F2} s (write-rate bound {f.ColdStartBoundSeconds:F2} s: {f.WritesNeeded} writes at {f.WriteRatePerSecond:F0}/s)"),
                Invariant($"{ratio:F2}x of the ideal client (goal {ColdStartFactor:F1}x)")),
            new(
                "0 status writes and 0 reconciles for heartbeats",
                f.HeartbeatStatusWrites == 0 && f.HeartbeatReconciles == 0,
                Invariant($"{f.HeartbeatStatusWrites} writes, {f.HeartbeatReconciles} reconciles for {f.Heartbeats} heartbeats"),
                Invariant($"{f.HeartbeatStatusWrites + f.HeartbeatReconciles} over")),
            new(
                "exactly one write per affected Service per change",
                exactWrites,
                Invariant($"cold start {f.ColdStartWrites}/{f.WritesNeeded}, labels {f.LabelChanges.StatusWrites}/{f.LabelChanges.AffectedServices}, endpoints {f.EndpointNotReady.StatusWrites + f.EndpointReady.StatusWrites}/{f.EndpointNotReady.AffectedServices + f.EndpointReady.AffectedServices} (writes/affected)"),
                Invariant($"{f.ColdStartWrites - f.WritesNeeded + f.LabelChanges.StatusWrites - f.LabelChanges.AffectedServices + f.EndpointNotReady.StatusWrites - f.EndpointNotReady.AffectedServices + f.EndpointReady.StatusWrites - f.EndpointReady.AffectedServices:+0;-0;0} writes")),
            new(
                Invariant($"p99 label change to status < {LabelChangeP99Milliseconds:F0} ms") + atScale,
                f.LabelChanges.Converged == f.LabelChanges.Changes && f.LabelChanges.P99Milliseconds < LabelChangeP99Milliseconds,
                Invariant($"p50 {f.LabelChanges.P50Milliseconds:F0} ms, p99 {f.LabelChanges.P99Milliseconds:F0} ms over {f.LabelChanges.Converged}/{f.LabelChanges.Changes}"),
                Invariant($"{LabelChangeP99Milliseconds - f.LabelChanges.P99Milliseconds:+0;-0} ms")),
            new(
                Invariant($"p99 endpoint ready to status < {EndpointReadyP99Milliseconds:F0} ms") + atScale,
                f.EndpointReady.Converged == f.EndpointReady.Changes && f.EndpointReady.P99Milliseconds < EndpointReadyP99Milliseconds,
                Invariant($"p50 {f.EndpointReady.P50Milliseconds:F0} ms, p99 {f.EndpointReady.P99Milliseconds:F0} ms over {f.EndpointReady.Converged}/{f.EndpointReady.Changes}"),
                Invariant($"{EndpointReadyP99Milliseconds - f.EndpointReady.P99Milliseconds:+0;-0} ms")),
            new(
                Invariant($"working set steady <= {SteadyMegabytes:F0} MB, peak <= {PeakMegabytes:F0} MB") + atScale,
                f.SteadyWorkingSetMegabytes <= SteadyMegabytes && f.PeakWorkingSetMegabytes <= PeakMegabytes,
                Invariant($"steady {f.SteadyWorkingSetMegabytes:F0} MB, peak {f.PeakWorkingSetMegabytes:F0} MB"),
                Invariant($"{SteadyMegabytes - f.SteadyWorkingSetMegabytes:+0;-0} MB steady, {PeakMegabytes - f.PeakWorkingSetMegabytes:+0;-0} MB peak")),
            new(
                Invariant($"cluster-dependent working set (steady minus empty cluster) <= {GrowthMegabytes:F0} MB") + atScale,
                growth <= GrowthMegabytes,
                Invariant($"{f.SteadyWorkingSetMegabytes:F0} MB - {f.EmptyClusterWorkingSetMegabytes:F0} MB = {growth:F0} MB"),
                Invariant($"{GrowthMegabytes - growth:+0;-0} MB")),
        ];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
