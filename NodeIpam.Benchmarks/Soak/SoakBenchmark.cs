using System.Diagnostics;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Operator.Hosting;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// <c>soak</c>: two operator processes (leader election on one Lease) under minutes of random churn and faults, with a
/// graceful leader hand-over half-way. Exits non-zero when a status ends different from the domain's plan, a write
/// carried an address of a node excluded for longer than the cache lag allows, or the surviving operator leaked
/// connections, threads or memory.
/// </summary>
internal static class SoakBenchmark
{
    // Leak tolerances: a few connections and threads come and go (keep-alive pool, thread pool injection); memory
    // may settle higher than right after the hand-over, but not by half again.
    private const int ConnectionSlack = 2;

    // What the operator may hold open at once without leaking: a watch per informer (3), one request per worker, the
    // event writer and the lease. HTTP/1.1 connections are pooled, so a busy moment leaves that many behind until
    // they idle out; more than this (plus slack) after thousands of requests would be a leak.
    private const int ConnectionsInUse = 3 + RunOptions.DefaultWorkers + 2;
    private const int ThreadSlack = 8;
    private const double MemoryFactor = 1.5;

    public static int Run(SoakOptions options)
    {
        var violations = RunAsync(options).GetAwaiter().GetResult();
        foreach (var violation in violations)
        {
            Console.WriteLine($"VIOLATION  {violation}");
        }

        Console.WriteLine(violations.Count == 0 ? "soak: PASS" : $"soak: FAIL ({violations.Count} violations)");
        return violations.Count == 0 ? 0 : 1;
    }

    private static async Task<List<string>> RunAsync(SoakOptions options)
    {
        var violations = new List<string>();
        await using var simulator = await KubeApiSimulator.StartAsync(new SimulatorOptions { WatchHistorySize = 50_000 });
        var model = ClusterModel.Seed(simulator.Store, options.Cluster);
        var monitor = new ExclusionMonitor(options.ExclusionGrace);
        foreach (var node in model.Nodes)
        {
            monitor.Observe(node, []);
        }

        await using var tracker = new StatusTracker(simulator.BaseAddress) { Inspect = monitor.Inspect };
        await tracker.StartAsync();
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nodeipam-soak-{Environment.ProcessId}")).FullName;
        var kubeconfig = Path.Combine(work, "kubeconfig");
        simulator.WriteKubeconfig(kubeconfig);
        Directory.CreateDirectory("artifacts");
        var first = OperatorProcess.Start(kubeconfig, Path.GetFullPath("artifacts/soak-operator-1.log"), 0, ClusterObjects.Namespace);
        var second = OperatorProcess.Start(kubeconfig, Path.GetFullPath("artifacts/soak-operator-2.log"), 0, ClusterObjects.Namespace);
        try
        {
            var (_, converged) = tracker.Expect(model.PlanAll());
            if (await Task.WhenAny(converged, Task.Delay(options.Cluster.Timeout)) != converged)
            {
                violations.Add($"no convergence at start; wrong: {string.Join(", ", tracker.Wrong().Take(10))}");
                return violations;
            }

            ScaleBenchmark.Progress($"soak: {options.Cluster.Nodes} nodes, {options.Cluster.Services} Services converged; churn for {options.Minutes} min");
            var churn = new Churn(model, simulator, monitor, new Random(options.Seed), options.Cluster);
            var duration = TimeSpan.FromMinutes(options.Minutes);
            var clock = Stopwatch.StartNew();
            var survivor = (OperatorProcess?)null;
            var baseline = (Connections: 0, Threads: 0, Rss: 0L);
            while (clock.Elapsed < duration)
            {
                churn.Step();
                if (survivor is null && clock.Elapsed > duration / 2)
                {
                    survivor = await HandOverAsync(first, second);
                    ScaleBenchmark.Progress($"soak: leader stopped gracefully; pid {survivor.Pid} leads");
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    baseline = (ProcessProbe.ConnectionsTo(survivor.Pid, simulator.BaseAddress.Port), ProcessProbe.Threads(survivor.Pid), survivor.RssBytes());
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            survivor ??= await HandOverAsync(first, second);
            simulator.Faults.ClearFailures();
            ScaleBenchmark.Progress($"soak: {churn.Summary()}; waiting for convergence");
            var (wrong, done) = tracker.Expect(model.PlanAll());
            if (await Task.WhenAny(done, Task.Delay(options.Cluster.Timeout)) != done)
            {
                violations.Add($"statuses differ from the plan after the churn: {string.Join(", ", tracker.Wrong().Take(20))} (of {wrong} at the end of the churn)");
            }

            await new IdleWaiter(survivor, simulator).WaitAsync(TimeSpan.FromMinutes(1));
            var end = (Connections: ProcessProbe.ConnectionsTo(survivor.Pid, simulator.BaseAddress.Port), Threads: ProcessProbe.Threads(survivor.Pid), Rss: survivor.RssBytes());
            ScaleBenchmark.Progress($"soak: {monitor.Checked} Service statuses checked; longest exclusion lag {monitor.LongestLag.TotalMilliseconds:F0} ms; connections {baseline.Connections} -> {end.Connections}, threads {baseline.Threads} -> {end.Threads}, working set {baseline.Rss / 1048576} -> {end.Rss / 1048576} MB");
            violations.AddRange(monitor.Violations);
            if (end.Connections > Math.Max(baseline.Connections, ConnectionsInUse) + ConnectionSlack)
            {
                violations.Add($"connections to the API server grew from {baseline.Connections} to {end.Connections}");
            }

            if (end.Threads > baseline.Threads + ThreadSlack)
            {
                violations.Add($"threads grew from {baseline.Threads} to {end.Threads}");
            }

            if (end.Rss > baseline.Rss * MemoryFactor)
            {
                violations.Add($"working set grew from {baseline.Rss / 1048576} MB to {end.Rss / 1048576} MB");
            }

            return violations;
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
    }

    // The leader is the one that reconciled; stopping it gracefully releases the Lease and the standby takes over.
    private static async Task<OperatorProcess> HandOverAsync(OperatorProcess first, OperatorProcess second)
    {
        var leader = await first.MetricAsync("controller_runtime_reconcile_total") > 0 ? first : second;
        await leader.StopAsync();
        return leader == first ? second : first;
    }
}
