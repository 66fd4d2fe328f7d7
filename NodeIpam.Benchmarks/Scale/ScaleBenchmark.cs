using System.Diagnostics;
using System.Text;
using k8s;
using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// <c>scale</c>: the operator (its own process) against the simulator with a large, realistic cluster. Measures cold
/// start against the write-rate bound, heartbeats, label and endpoint change latency, memory, CPU and steady API load,
/// prints a table with the issue's goals and writes the figures as JSON.
/// </summary>
internal static class ScaleBenchmark
{
    private const string OperatorAgent = "nodeipam-operator";

    public static int Run(ScaleOptions options)
    {
        var figures = RunAsync(options).GetAwaiter().GetResult();
        figures.Goals = ScaleGoals.Evaluate(figures);
        ScaleReport.Print(figures, Console.Out);
        ScaleReport.WriteJson(figures, options.JsonPath);
        Console.WriteLine($"figures written to {options.JsonPath}");
        return figures.ColdStartConverged && figures.FinalStatusesCorrect ? 0 : 1;
    }

    private static async Task<ScaleFigures> RunAsync(ScaleOptions options)
    {
        var figures = new ScaleFigures
        {
            Machine = $"{Environment.OSVersion}, .NET {Environment.Version}, {Environment.ProcessorCount} cores; operator: {options.OperatorDll ?? "the build next to the benchmark"}",
            Cores = Environment.ProcessorCount,
            LoadAverageAtStart = LoadAverage(),
            Nodes = options.Nodes,
            Services = options.Services,
        };
        await using var simulator = await KubeApiSimulator.StartAsync(new SimulatorOptions { WatchHistorySize = 50_000, Tls = !options.PlainHttp });
        figures.ApiServer = simulator.BaseAddress.Scheme == "https" ? "https (HTTP/2 or HTTP/1.1 by ALPN)" : "plain http (--plain-http)";
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nodeipam-bench-{Environment.ProcessId}")).FullName;
        var kubeconfig = Path.Combine(work, "kubeconfig");
        simulator.WriteKubeconfig(kubeconfig);
        var logPath = Path.GetFullPath(Path.ChangeExtension(options.JsonPath, ".operator.log"));
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        (figures.EmptyClusterWorkingSetMegabytes, figures.OneServiceWorkingSetMegabytes) = await EmptyClusterRssAsync(simulator, kubeconfig, logPath, options);
        Progress($"operator on an empty cluster: {figures.EmptyClusterWorkingSetMegabytes:F0} MB steady; {figures.OneServiceWorkingSetMegabytes:F0} MB once it has written one Service's status");

        Progress($"load average {LoadAverage()}; seeding {options.Nodes} nodes and {options.Services} Services");
        var clock = Stopwatch.StartNew();
        var model = ClusterModel.Seed(simulator.Store, options);
        figures.SeedSeconds = clock.Elapsed.TotalSeconds;
        figures.LocalServices = model.LocalServices.Count;
        figures.Endpoints = model.EndpointCount;
        figures.NodeJsonBytes = Encoding.UTF8.GetByteCount(KubernetesJson.Serialize(model.Nodes[1]));
        clock.Restart();
        var plans = model.PlanAll();
        figures.PlanAllMilliseconds = clock.Elapsed.TotalMilliseconds;
        figures.AdvertisedAddresses = plans.Values.Sum(p => p.Ingress.Count);
        figures.ClusterServiceAddressesAverage = plans.Where(p => !model.LocalServices.Contains(p.Key)).Select(p => p.Value.Ingress.Count).DefaultIfEmpty().Average();
        Progress($"seeded in {figures.SeedSeconds:F1} s ({figures.Endpoints} endpoints, node object {figures.NodeJsonBytes} bytes); planned all in {figures.PlanAllMilliseconds:F0} ms");

        figures.WriteRatePerSecond = await WriteRateProbe.MeasureAsync(simulator, [.. plans.Values], options.RateProbeWrites, options.RateProbeClients);
        Progress($"simulator status write rate {figures.WriteRatePerSecond:F0}/s ({options.RateProbeClients} clients)");

        await using var tracker = new StatusTracker(simulator);
        await tracker.StartAsync();
        await IdealClientAsync(simulator, tracker, plans, figures, options);
        var (needed, converged) = tracker.Expect(plans);
        figures.WritesNeeded = needed;
        figures.ColdStartBoundSeconds = needed / figures.WriteRatePerSecond;

        simulator.Requests.Reset();
        var writes0 = StatusPatches(simulator);
        var start = Stopwatch.GetTimestamp();
        await using var op = OperatorProcess.Start(kubeconfig, logPath, options.Workers, ClusterObjects.Namespace, options.OperatorDll);
        Progress($"operator started (pid {op.Pid}, log {logPath}); waiting for {needed} statuses");
        var firstWrite = await FirstWriteAsync(simulator, writes0, converged, options.Timeout);
        figures.ColdStartFirstWriteSeconds = Stopwatch.GetElapsedTime(start, firstWrite).TotalSeconds;
        figures.ColdStartConverged = await WithinAsync(converged, options.Timeout);
        figures.ColdStartSeconds = figures.ColdStartConverged ? Stopwatch.GetElapsedTime(start, converged.Result).TotalSeconds : double.NaN;
        figures.ColdStartWritePhaseSeconds = figures.ColdStartSeconds - figures.ColdStartFirstWriteSeconds;
        var idle = new IdleWaiter(op, simulator);
        await idle.WaitAsync(options.Timeout);
        figures.ColdStartWrites = StatusPatches(simulator) - writes0;
        figures.ColdStartReconciles = await Reconciles(op);
        figures.ColdStartCpuSeconds = op.CpuSeconds();
        Progress($"cold start {figures.ColdStartSeconds:F2} s (first write after {figures.ColdStartFirstWriteSeconds:F2} s; ideal client {figures.IdealClientSeconds:F2} s; write-rate bound {figures.ColdStartBoundSeconds:F2} s), {figures.ColdStartWrites} writes, {figures.ColdStartReconciles} reconciles, {figures.ColdStartCpuSeconds:F1} CPU s");
        if (!figures.ColdStartConverged)
        {
            Progress($"not converged; still wrong: {string.Join(", ", tracker.Wrong().Take(10))}");
        }

        await Heartbeats(model, simulator, op, idle, figures, options);
        var changes = new ChangeRunner(model, tracker, simulator, options, plans);
        figures.LabelChanges = await changes.LabelChangesAsync();
        Progress(ChangeRunner.Describe("label changes", figures.LabelChanges));
        (figures.EndpointNotReady, figures.EndpointReady) = await changes.EndpointFlipsAsync();
        Progress(ChangeRunner.Describe("endpoint not ready", figures.EndpointNotReady));
        Progress(ChangeRunner.Describe("endpoint ready", figures.EndpointReady));

        await idle.WaitAsync(options.Timeout);
        figures.SteadySettleSeconds = await SettleAsync(idle, "full cluster", options);
        var steady = await idle.SteadyWindowAsync(options.SteadyWindow, OperatorAgent);
        figures.SteadyRequestsPerSecond = steady.RequestsPerSecond;
        figures.SteadyRequests = steady.Breakdown;
        figures.SteadyWorkingSetMegabytes = steady.MedianRssBytes / 1048576.0;
        figures.SteadyCpuPercent = steady.CpuPercent;
        figures.PeakWorkingSetMegabytes = op.PeakRssBytes / 1048576.0;
        figures.CpuSecondsTotal = op.CpuSeconds();
        clock.Restart();
        var (wrong, _) = tracker.Expect(model.PlanAll());
        Progress($"final check against a full replan ({clock.Elapsed.TotalSeconds:F1} s): {wrong} Services differ");
        figures.FinalWrongServices = wrong;
        figures.FinalStatusesCorrect = wrong == 0;
        figures.LoadAverageAtEnd = LoadAverage();
        await op.StopAsync();
        Directory.Delete(work, recursive: true);
        return figures;
    }

    // The limit of the cold start, measured on the same server in the same run: the ideal client writes every status,
    // then every status is cleared again so that the operator starts from the same state.
    private static async Task IdealClientAsync(KubeApiSimulator simulator, StatusTracker tracker, Dictionary<string, ServicePlan> plans, ScaleFigures figures, ScaleOptions options)
    {
        var (_, converged) = tracker.Expect(plans);
        using var timeout = new CancellationTokenSource(options.Timeout);
        var start = await new IdealClient(simulator, plans).RunAsync(converged, timeout.Token);
        figures.IdealClientSeconds = Stopwatch.GetElapsedTime(start, await converged).TotalSeconds;
        Progress($"ideal client: every status right {figures.IdealClientSeconds:F2} s after its first request");
        await IdealClient.ClearAsync(simulator, plans.Keys, timeout.Token);
        while (tracker.Expect(plans).Wrong < plans.Count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    // The operator's fixed cost: its steady working set with nothing to cache (the runtime, mapped assemblies, JIT
    // code), so that the part that grows with the cluster can be told apart.
    // The operator's steady working set on an empty cluster (the goal's baseline), then once it has planned and written
    // one Service's status (one node): what having worked at all costs (code run and compiled, libraries loaded),
    // whatever the cluster's size. Both objects are deleted before the cluster is seeded.
    private static async Task<(double Empty, double OneService)> EmptyClusterRssAsync(KubeApiSimulator simulator, string kubeconfig, string logPath, ScaleOptions options)
    {
        await using var op = OperatorProcess.Start(kubeconfig, Path.ChangeExtension(logPath, ".empty.log"), options.Workers, ClusterObjects.Namespace, options.OperatorDll);
        var idle = new IdleWaiter(op, simulator);
        await idle.WaitAsync(options.Timeout);

        // Scraped once, as Prometheus does in a cluster (and as the runs below are, to count reconciles): serving
        // /metrics is part of the fixed cost, not of what grows with the cluster.
        await Reconciles(op);
        await SettleAsync(idle, "empty cluster", options);
        var empty = await idle.SteadyWindowAsync(options.SteadyWindow, OperatorAgent);

        var node = simulator.Store.Create(ClusterObjects.Node(0, DateTime.UtcNow));
        var service = simulator.Store.Create(ClusterObjects.Service("warm-up", local: false, selector: null, dualStack: false));
        var deadline = Stopwatch.StartNew();
        while (simulator.Store.Get<V1Service>(service.Metadata.Name, ClusterObjects.Namespace)?.Status?.LoadBalancer?.Ingress is not { Count: > 0 }
            && deadline.Elapsed < options.Timeout)
        {
            await Task.Delay(50);
        }

        await idle.WaitAsync(options.Timeout);
        await SettleAsync(idle, "one Service", options);
        var oneService = await idle.SteadyWindowAsync(options.SteadyWindow, OperatorAgent);
        simulator.Store.Delete<V1Service>(service.Metadata.Name, ClusterObjects.Namespace);
        simulator.Store.Delete<V1Node>(node.Metadata.Name);
        await op.StopAsync();
        return (empty.MedianRssBytes / 1048576.0, oneService.MedianRssBytes / 1048576.0);
    }

    private static async Task Heartbeats(ClusterModel model, KubeApiSimulator simulator, OperatorProcess op, IdleWaiter idle, ScaleFigures figures, ScaleOptions options)
    {
        var writes = StatusPatches(simulator);
        var reconciles = await Reconciles(op);
        var cpu = op.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        for (var i = 0; i < model.Nodes.Length; i++)
        {
            model.UpdateNode(i, node => ClusterObjects.Heartbeat(node, now));
        }

        figures.Heartbeats = model.Nodes.Length;
        figures.HeartbeatSendSeconds = clock.Elapsed.TotalSeconds;
        await idle.WaitAsync(options.Timeout);
        figures.HeartbeatStatusWrites = StatusPatches(simulator) - writes;
        figures.HeartbeatReconciles = await Reconciles(op) - reconciles;
        figures.HeartbeatCpuSeconds = op.CpuSeconds() - cpu;
        Progress($"{figures.Heartbeats} heartbeats in {figures.HeartbeatSendSeconds:F1} s: {figures.HeartbeatStatusWrites} status writes, {figures.HeartbeatReconciles} reconciles, {figures.HeartbeatCpuSeconds:F1} CPU s");
    }

    // Polls the simulator's counter (10 ms resolution) for the operator's first status write: start-up, lists and cache
    // sync come before it, the write phase after.
    private static async Task<long> FirstWriteAsync(KubeApiSimulator simulator, int writesBefore, Task converged, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (StatusPatches(simulator) == writesBefore && !converged.IsCompleted && clock.Elapsed < timeout)
        {
            await Task.Delay(10);
        }

        return Stopwatch.GetTimestamp();
    }

    // Every working-set figure is read once the working set has settled (see IdleWaiter.SettleMemoryAsync): the same
    // state for the empty cluster, one Service and the full cluster, so their differences compare like with like.
    private static async Task<double> SettleAsync(IdleWaiter idle, string what, ScaleOptions options)
    {
        var (seconds, settled) = await idle.SettleMemoryAsync(options.SettleTimeout);
        Progress(settled
            ? $"working set settled ({what}) after {seconds:F0} s"
            : $"working set still moving ({what}) after {seconds:F0} s; read anyway");
        return seconds;
    }

    internal static int StatusPatches(KubeApiSimulator simulator) => simulator.Requests.Count("patch", "services", "status");

    private static async Task<double> Reconciles(OperatorProcess op) => await op.MetricAsync("controller_runtime_reconcile_total") ?? double.NaN;

    private static async Task<bool> WithinAsync(Task task, TimeSpan timeout) => await Task.WhenAny(task, Task.Delay(timeout)) == task;

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    internal static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
