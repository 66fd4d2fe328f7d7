using System.Diagnostics;
using System.Globalization;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// Tells when the operator has finished reacting: its CPU time stops growing and no status write arrives for a
/// while. Used before reading counters, since a heartbeat's effect (none) cannot be observed otherwise.
/// </summary>
internal sealed class IdleWaiter(OperatorProcess op, KubeApiSimulator simulator)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    // Below 3% of a core for four polls in a row (leader-election renewals and bookmarks cost less than that).
    private const double QuietCpuSeconds = 0.015;
    private const int QuietPolls = 4;

    public async Task WaitAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var quiet = 0;
        var cpu = op.CpuSeconds();
        var writes = ScaleBenchmark.StatusPatches(simulator);
        while (quiet < QuietPolls && clock.Elapsed < timeout && !op.HasExited)
        {
            await Task.Delay(Poll);
            var (cpuNow, writesNow) = (op.CpuSeconds(), ScaleBenchmark.StatusPatches(simulator));
            quiet = cpuNow - cpu <= QuietCpuSeconds && writesNow == writes ? quiet + 1 : 0;
            (cpu, writes) = (cpuNow, writesNow);
        }
    }

    private static readonly string[] Verbs = ["get", "list", "watch", "create", "update", "patch", "delete"];
    private static readonly string[] Resources = ["events", "leases", "services", "nodes", "endpointslices"];

    /// <summary>
    /// Over <paramref name="window"/> of idle operation: the operator's API requests per second (and per verb and
    /// resource, e.g. "create events 25.0/s"), median working set and CPU.
    /// </summary>
    public async Task<(double RequestsPerSecond, string Breakdown, long MedianRssBytes, double CpuPercent)> SteadyWindowAsync(TimeSpan window, string userAgent)
    {
        var requests = simulator.Requests.Count(userAgent: userAgent);
        var byKind = Kinds(userAgent);
        var cpu = op.CpuSeconds();
        var samples = new List<long>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < window)
        {
            samples.Add(op.RssBytes());
            await Task.Delay(Poll);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        samples.Sort();
        var after = Kinds(userAgent);
        var breakdown = string.Join(", ", after.Where(p => p.Value > byKind[p.Key]).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {(p.Value - byKind[p.Key]) / seconds:F1}/s")));
        return ((simulator.Requests.Count(userAgent: userAgent) - requests) / seconds, breakdown, samples[samples.Count / 2], 100 * (op.CpuSeconds() - cpu) / seconds);
    }

    private Dictionary<string, int> Kinds(string userAgent) =>
        Verbs.SelectMany(v => Resources.Select(r => (v, r))).ToDictionary(k => $"{k.v} {k.r}", k => simulator.Requests.Count(k.v, k.r, userAgent: userAgent));
}
