using System.Globalization;
using System.Text.Json;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>The table on stdout and the JSON file.</summary>
internal static class ScaleReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Print(ScaleFigures f, TextWriter output)
    {
        var rows = new List<(string, string)>
        {
            ("machine", $"{f.Machine}; load average {f.LoadAverageAtStart} at start, {f.LoadAverageAtEnd} at end"),
            ("API server (simulator)", f.ApiServer),
            ("cluster", $"{f.Nodes} nodes ({f.NodeJsonBytes} bytes each as JSON), {f.Services} Services ({f.LocalServices} Local), {f.Endpoints} endpoints, {f.AdvertisedAddresses} addresses planned ({f.ClusterServiceAddressesAverage:F0} per Cluster Service on average)"),
            ("simulator status write rate", $"{f.WriteRatePerSecond:F0} writes/s"),
            ("ideal client (first request → all statuses correct)", $"{f.IdealClientSeconds:F2} s"),
            ("cold start (start → all statuses correct)", $"{f.ColdStartSeconds:F2} s ({f.ColdStartSeconds / f.IdealClientSeconds:F2}x the ideal client)"),
            ("  of which start-up, lists, sync / writing", $"{f.ColdStartFirstWriteSeconds:F2} s / {f.ColdStartWritePhaseSeconds:F2} s"),
            ("write-rate bound (writes / write rate)", $"{f.ColdStartBoundSeconds:F2} s ({f.WritesNeeded} writes)"),
            ("cold start writes / reconciles / CPU", $"{f.ColdStartWrites} / {f.ColdStartReconciles} / {f.ColdStartCpuSeconds:F1} s"),
            ("heartbeats: writes / reconciles / CPU", $"{f.HeartbeatStatusWrites} / {f.HeartbeatReconciles} / {f.HeartbeatCpuSeconds:F1} s for {f.Heartbeats} (sent in {f.HeartbeatSendSeconds:F1} s)"),
            ("label change → last status p50 / p99", Latency(f.LabelChanges)),
            ("endpoint ready → last status p50 / p99", Latency(f.EndpointReady)),
            ("endpoint not ready → last status p50 / p99", Latency(f.EndpointNotReady)),
            ("operator working set peak / steady / empty cluster", $"{f.PeakWorkingSetMegabytes:F0} MB / {f.SteadyWorkingSetMegabytes:F0} MB / {f.EmptyClusterWorkingSetMegabytes:F0} MB"),
            ("  (information) after one Service on one node", $"{f.OneServiceWorkingSetMegabytes:F0} MB: the cost of having worked at all; steady minus this: {f.SteadyWorkingSetMegabytes - f.OneServiceWorkingSetMegabytes:F0} MB"),
            ("operator CPU total / steady", $"{f.CpuSecondsTotal:F1} s / {f.SteadyCpuPercent:F1} % of a core"),
            ("API requests at steady state", $"{f.SteadyRequestsPerSecond:F2} /s ({f.SteadyRequests})"),
            ("final statuses equal the plan", f.FinalStatusesCorrect ? "yes" : $"no ({f.FinalWrongServices} differ)"),
        };
        var width = rows.Max(r => r.Item1.Length);
        output.WriteLine();
        foreach (var (name, value) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name.PadRight(width)}  {value}"));
        }

        output.WriteLine();
        foreach (var goal in f.Goals)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(goal.Pass ? "PASS" : "MISS")}  {goal.Goal}: {goal.Measured}; margin {goal.Margin}"));
        }
    }

    public static void WriteJson(ScaleFigures f, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(f, Json));
    }

    private static string Latency(ChangeFigures c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.P50Milliseconds:F0} ms / {c.P99Milliseconds:F0} ms (max {c.MaxMilliseconds:F0}, {c.Converged}/{c.Changes} converged; {c.StatusWrites} writes for {c.AffectedServices} affected)");
}
