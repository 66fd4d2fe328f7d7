using System.Diagnostics;
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

    /// <summary>Over <paramref name="window"/> of idle operation: the operator's API requests per second, median working set and CPU.</summary>
    public async Task<(double RequestsPerSecond, long MedianRssBytes, double CpuPercent)> SteadyWindowAsync(TimeSpan window, string userAgent)
    {
        var requests = simulator.Requests.Count(userAgent: userAgent);
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
        return ((simulator.Requests.Count(userAgent: userAgent) - requests) / seconds, samples[samples.Count / 2], 100 * (op.CpuSeconds() - cpu) / seconds);
    }
}
