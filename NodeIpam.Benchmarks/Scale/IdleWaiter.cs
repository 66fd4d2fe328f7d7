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

    /// <summary>
    /// Waits until the working set has settled: less than <see cref="SettledBytes"/> of change over the last
    /// <see cref="SettleSpan"/> (sampled every <see cref="SettlePoll"/>), or <paramref name="timeout"/>. An idle operator
    /// keeps growing for a few minutes after start with no work at all (its periodic work fills the collector's
    /// allocation budget and gets compiled again optimised; the README gives the curve measured), so
    /// a steady figure read before that is not its steady state. Returns the seconds waited and whether it settled.
    /// </summary>
    public async Task<(double Seconds, bool Settled)> SettleMemoryAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var samples = new List<long> { op.RssBytes() };
        var needed = (int)(SettleSpan / SettlePoll);
        while (clock.Elapsed < timeout && !op.HasExited)
        {
            await Task.Delay(SettlePoll);
            samples.Add(op.RssBytes());
            if (samples.Count > needed && Math.Abs(samples[^1] - samples[^(needed + 1)]) < SettledBytes)
            {
                return (clock.Elapsed.TotalSeconds, true);
            }
        }

        return (clock.Elapsed.TotalSeconds, false);
    }

    private static readonly TimeSpan SettlePoll = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleSpan = TimeSpan.FromSeconds(60);
    private const long SettledBytes = 512 * 1024;

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
