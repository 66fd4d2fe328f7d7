using System.Collections.Concurrent;
using Prometheus;

namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// The metric families the runtime itself records, in prometheus-net's <see cref="CollectorRegistry"/>, under
/// controller-runtime's and client-go's names and labels so that existing dashboards work. Created once per registry
/// (a singleton in dependency injection); the operator adds its own families through <see cref="Factory"/>.
/// </summary>
internal sealed class RuntimeMetrics
{
    private readonly ConcurrentDictionary<object, Action> _beforeCollect = new();

    public RuntimeMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        Factory = Prometheus.Metrics.WithCustomRegistry(registry);
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var refresh in _beforeCollect.Values)
            {
                refresh();
            }
        });

        ReconcileTotal = Factory.CreateCounter(
            "controller_runtime_reconcile_total", "Total number of reconciliations per controller", ["controller", "result"]);
        ReconcileErrors = Factory.CreateCounter(
            "controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", ["controller"]);
        ReconcileTime = Factory.CreateHistogram(
            "controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller",
            new HistogramConfiguration { Buckets = [.. RuntimeDefaults.ReconcileTimeBuckets], LabelNames = ["controller"] });
        ActiveWorkers = Factory.CreateGauge(
            "controller_runtime_active_workers", "Number of currently used workers per controller", ["controller"]);
        MaxConcurrentReconciles = Factory.CreateGauge(
            "controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", ["controller"]);
        RestClientRequests = Factory.CreateCounter(
            "rest_client_requests_total", "Number of HTTP requests, partitioned by status code, method, and host.", ["code", "method", "host"]);
        QueueDepth = Factory.CreateGauge("workqueue_depth", "Current depth of workqueue", ["name"]);
        QueueAdds = Factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", ["name"]);
        QueueRetries = Factory.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", ["name"]);
        QueueDuration = Factory.CreateHistogram(
            "workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested",
            new HistogramConfiguration { Buckets = [.. RuntimeDefaults.WorkQueueDurationBuckets], LabelNames = ["name"] });
        WorkDuration = Factory.CreateHistogram(
            "workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes.",
            new HistogramConfiguration { Buckets = [.. RuntimeDefaults.WorkQueueDurationBuckets], LabelNames = ["name"] });
        UnfinishedWork = Factory.CreateGauge(
            "workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. " +
            "Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
            ["name"]);
        LongestRunningProcessor = Factory.CreateGauge(
            "workqueue_longest_running_processor_seconds",
            "How many seconds has the longest running processor for workqueue been running.", ["name"]);
    }

    /// <summary>The registry /metrics exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Creates metrics in <see cref="Registry"/>.</summary>
    public IMetricFactory Factory { get; }

    public Counter ReconcileTotal { get; }

    public Counter ReconcileErrors { get; }

    public Histogram ReconcileTime { get; }

    public Gauge ActiveWorkers { get; }

    public Gauge MaxConcurrentReconciles { get; }

    public Counter RestClientRequests { get; }

    public Gauge QueueDepth { get; }

    public Counter QueueAdds { get; }

    public Counter QueueRetries { get; }

    public Histogram QueueDuration { get; }

    public Histogram WorkDuration { get; }

    public Gauge UnfinishedWork { get; }

    public Gauge LongestRunningProcessor { get; }

    /// <summary>
    /// A registry with the process's own figures (<c>process_working_set_bytes</c>, <c>process_cpu_seconds_total</c>,
    /// <c>dotnet_total_memory_bytes</c>...: prometheus-net's <see cref="DotNetStats"/>, read on scrape) and nothing
    /// else: the event-counter and meter adapters of the default registry are not started (they cost memory and CPU
    /// for figures nobody charts here).
    /// </summary>
    public static CollectorRegistry CreateRegistry()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        return registry;
    }

    /// <summary>
    /// Runs <paramref name="refresh"/> before every export, for gauges that are cheaper to compute on scrape than to
    /// keep current (e.g. the age of the longest-running reconcile). Dispose the result to stop.
    /// </summary>
    public IDisposable OnCollect(Action refresh)
    {
        var token = new object();
        _beforeCollect[token] = refresh;
        return new Unsubscriber(() => _beforeCollect.TryRemove(token, out _));
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
