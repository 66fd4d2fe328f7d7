using System.Diagnostics;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Operator.Hosting;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>
/// <c>soak</c>: two operator processes (leader election on one Lease) under minutes of random churn and faults, with a
/// graceful leader hand-over half-way and, on a quiet cluster, a foreign writer (15 %), an API outage (25 %) and an
/// ownership change (65 %). Exits non-zero when a status ends different from the domain's plan, a write carried an
/// address of a node excluded for longer than the cache lag allows or an address that cannot receive traffic, a
/// foreign edit was not restored with exactly one write, a Service that stopped being ours kept our condition or
/// addresses, another class's Service was touched, statuses were not right within 35 s of the API's return, or the
/// surviving operator leaked connections, threads or memory.
/// </summary>
internal static class SoakBenchmark
{
    // One node in this many starts with a special-purpose address (loopback, link-local, ...); the churn adds more.
    private const int SpecialAddressEvery = 15;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan QuietBeforeCheck = TimeSpan.FromSeconds(2);

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
        var special = new UnusableAddressCheck();
        var seedRandom = new Random(options.Seed);
        for (var i = 0; i < model.Nodes.Length; i += SpecialAddressEvery)
        {
            model.UpdateNode(i, n => UnusableAddressCheck.Toggle(n, seedRandom));
        }

        var monitor = new ExclusionMonitor(options.ExclusionGrace);
        foreach (var node in model.Nodes)
        {
            monitor.Observe(node, []);
        }

        await using var tracker = new StatusTracker(simulator)
        {
            Inspect = s =>
            {
                monitor.Inspect(s);
                special.Inspect(s);
            },
        };
        await tracker.StartAsync();
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nodeipam-soak-{Environment.ProcessId}")).FullName;
        var kubeconfig = Path.Combine(work, "kubeconfig");
        simulator.WriteKubeconfig(kubeconfig);
        Directory.CreateDirectory("artifacts");
        var operators = new List<OperatorProcess>();
        var started = 0;
        OperatorProcess StartOperator() =>
            OperatorProcess.Start(kubeconfig, Path.GetFullPath($"artifacts/soak-operator-{++started}.log"), 0, ClusterObjects.Namespace);
        async Task<int> RestartExited()
        {
            var exited = operators.Where(o => o.HasExited).ToList();
            foreach (var gone in exited)
            {
                await gone.DisposeAsync();
                operators[operators.IndexOf(gone)] = StartOperator();
            }

            return exited.Count;
        }

        operators.Add(StartOperator());
        operators.Add(StartOperator());
        using var ownership = new OwnershipCheck(simulator, tracker);
        try
        {
            var (_, converged) = tracker.Expect(model.PlanAll());
            if (await Task.WhenAny(converged, Task.Delay(options.Cluster.Timeout)) != converged)
            {
                violations.Add($"no convergence at start; wrong: {string.Join(", ", tracker.Wrong().Take(10))}");
                return violations;
            }

            if (await ownership.SetUpAsync() is { } setUpProblem)
            {
                violations.Add(setUpProblem);
            }

            ScaleBenchmark.Progress($"soak: {options.Cluster.Nodes} nodes ({model.Nodes.Count(n => n.Status.Addresses.Any(a => UnusableAddressCheck.IsUnusable(a.Address)))} with special-purpose addresses), {options.Cluster.Services} Services converged; churn for {options.Minutes} min");
            var churn = new Churn(model, simulator, monitor, new Random(options.Seed), options.Cluster);
            var duration = TimeSpan.FromMinutes(options.Minutes);
            var clock = Stopwatch.StartNew();
            var survivor = (OperatorProcess?)null;
            var baseline = (Connections: 0, Threads: 0, Rss: 0L);
            var figures = new List<string>();
            var phases = new Queue<(double At, Func<Task<(List<string> Violations, string Figures)>> Run)>(
            [
                (0.15, () => ForeignWriterCheck.RunAsync(simulator, tracker, model)),
                (0.25, () => OutageCheck.RunAsync(simulator, tracker, model, monitor, RestartExited)),
                (0.65, ownership.RunAsync),
            ]);
            while (clock.Elapsed < duration)
            {
                churn.Step();
                if (phases.TryPeek(out var phase) && clock.Elapsed > duration * phase.At)
                {
                    phases.Dequeue();
                    if (!await SettleAsync(simulator, tracker, model))
                    {
                        violations.Add($"no quiet, converged cluster before a check at {phase.At:P0}; wrong: {string.Join(", ", tracker.Wrong().Take(10))}");
                    }

                    var (found, line) = await phase.Run();
                    violations.AddRange(found);
                    figures.Add(line);
                    ScaleBenchmark.Progress($"soak: {line}");
                }

                if (survivor is null && clock.Elapsed > duration / 2)
                {
                    await RestartExited();
                    survivor = await HandOverAsync(operators);
                    ScaleBenchmark.Progress($"soak: leader stopped gracefully; pid {survivor.Pid} leads");
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    baseline = (ProcessProbe.ConnectionsTo(survivor.Pid, simulator.BaseAddress.Port), ProcessProbe.Threads(survivor.Pid), survivor.RssBytes());
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            survivor ??= await HandOverAsync(operators);
            simulator.Faults.ClearFailures();
            ScaleBenchmark.Progress($"soak: {churn.Summary()}; waiting for convergence");
            var (wrong, done) = tracker.Expect(model.PlanAll());
            if (await Task.WhenAny(done, Task.Delay(options.Cluster.Timeout)) != done)
            {
                violations.Add($"statuses differ from the plan after the churn: {string.Join(", ", tracker.Wrong().Take(20))} (of {wrong} at the end of the churn)");
            }

            await new IdleWaiter(survivor, simulator).WaitAsync(TimeSpan.FromMinutes(1));
            var end = (Connections: ProcessProbe.ConnectionsTo(survivor.Pid, simulator.BaseAddress.Port), Threads: ProcessProbe.Threads(survivor.Pid), Rss: survivor.RssBytes());
            ScaleBenchmark.Progress($"soak: {monitor.Checked} Service statuses checked; longest exclusion lag {monitor.LongestLag.TotalMilliseconds:F0} ms; special-purpose addresses advertised: {special.Violations.Count} in {special.Checked} statuses; connections {baseline.Connections} -> {end.Connections}, threads {baseline.Threads} -> {end.Threads}, working set {baseline.Rss / 1048576} -> {end.Rss / 1048576} MB");
            foreach (var line in figures)
            {
                ScaleBenchmark.Progress($"soak: {line}");
            }

            violations.AddRange(monitor.Violations);
            violations.AddRange(special.Violations);
            violations.AddRange(ownership.CheckOtherClass());
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
            foreach (var op in operators)
            {
                await op.DisposeAsync();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    // The leader is the one that reconciled (a process restarted after the outage has not); stopping it gracefully
    // releases the Lease and the standby takes over.
    private static async Task<OperatorProcess> HandOverAsync(List<OperatorProcess> operators)
    {
        var leader = await operators[0].MetricAsync("controller_runtime_reconcile_total") > 0 ? operators[0] : operators[1];
        await leader.StopAsync();
        return leader == operators[0] ? operators[1] : operators[0];
    }

    // Before a check: the churn's pending faults dropped, every status right, and no status write for 2 s.
    private static async Task<bool> SettleAsync(KubeApiSimulator simulator, StatusTracker tracker, ClusterModel model)
    {
        simulator.Faults.ClearFailures();
        var (_, converged) = tracker.Expect(model.PlanAll());
        if (await Task.WhenAny(converged, Task.Delay(SettleTimeout)) != converged)
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        var writes = ScaleBenchmark.StatusPatches(simulator);
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < SettleTimeout)
        {
            await Task.Delay(250);
            var now = ScaleBenchmark.StatusPatches(simulator);
            if (now != writes)
            {
                (writes, quietSince) = (now, clock.Elapsed);
            }
            else if (clock.Elapsed - quietSince > QuietBeforeCheck)
            {
                return true;
            }
        }

        return false;
    }
}
