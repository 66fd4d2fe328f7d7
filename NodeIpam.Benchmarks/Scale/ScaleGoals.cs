using System.Globalization;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>The goals of issue 7, compared with one run's figures.</summary>
internal static class ScaleGoals
{
    /// <summary>Cold start may take at most this multiple of the write-rate bound.</summary>
    public const double ColdStartFactor = 2.0;

    /// <summary>p99 from a node label change to the last affected Service's status, at 5,000 nodes / 2,000 Services.</summary>
    public const double LabelChangeP99Milliseconds = 1000;

    /// <summary>Steady working set of the operator at 5,000 nodes.</summary>
    public const double SteadyMegabytes = 150;

    public static List<GoalResult> Evaluate(ScaleFigures f)
    {
        var ratio = f.ColdStartSeconds / f.ColdStartBoundSeconds;
        var exactWrites = f.LabelChanges.StatusWrites == f.LabelChanges.AffectedServices
            && f.EndpointReady.StatusWrites == f.EndpointReady.AffectedServices
            && f.EndpointNotReady.StatusWrites == f.EndpointNotReady.AffectedServices
            && f.ColdStartWrites == f.WritesNeeded;
        return
        [
            new(
                $"cold start within {ColdStartFactor:F0}x of the write-rate bound",
                f.ColdStartConverged && ratio <= ColdStartFactor,
                Invariant($"{f.ColdStartSeconds:F2} s vs bound {f.ColdStartBoundSeconds:F2} s ({f.WritesNeeded} writes at {f.WriteRatePerSecond:F0}/s)"),
                Invariant($"{ratio:F2}x of the bound (goal {ColdStartFactor:F0}x)")),
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
                Invariant($"p99 label change to status < {LabelChangeP99Milliseconds:F0} ms") + (f.Nodes < 5000 ? " (goal set for 5,000/2,000)" : ""),
                f.LabelChanges.Converged == f.LabelChanges.Changes && f.LabelChanges.P99Milliseconds < LabelChangeP99Milliseconds,
                Invariant($"p50 {f.LabelChanges.P50Milliseconds:F0} ms, p99 {f.LabelChanges.P99Milliseconds:F0} ms over {f.LabelChanges.Converged}/{f.LabelChanges.Changes}"),
                Invariant($"{LabelChangeP99Milliseconds - f.LabelChanges.P99Milliseconds:+0;-0} ms")),
            new(
                Invariant($"steady working set < {SteadyMegabytes:F0} MB") + (f.Nodes < 5000 ? " (goal set for 5,000 nodes)" : ""),
                f.SteadyWorkingSetMegabytes < SteadyMegabytes,
                Invariant($"{f.SteadyWorkingSetMegabytes:F0} MB (peak {f.PeakWorkingSetMegabytes:F0} MB)"),
                Invariant($"{SteadyMegabytes - f.SteadyWorkingSetMegabytes:+0;-0} MB")),
        ];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
