namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// The metric families the runtime itself records, under controller-runtime's and client-go's names and labels so
/// that existing dashboards work. Created once per registry (a singleton in dependency injection).
/// </summary>
internal sealed class RuntimeMetrics
{
    public RuntimeMetrics(MetricsRegistry registry)
    {
        Registry = registry;
        ReconcileTotal = registry.CreateCounter(
            "controller_runtime_reconcile_total", "Total number of reconciliations per controller", "controller", "result");
        ReconcileErrors = registry.CreateCounter(
            "controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", "controller");
        ReconcileTime = registry.CreateHistogram(
            "controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller",
            RuntimeDefaults.ReconcileTimeBuckets, "controller");
        ActiveWorkers = registry.CreateGauge(
            "controller_runtime_active_workers", "Number of currently used workers per controller", "controller");
        MaxConcurrentReconciles = registry.CreateGauge(
            "controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", "controller");
        RestClientRequests = registry.CreateCounter(
            "rest_client_requests_total", "Number of HTTP requests, partitioned by status code, method, and host.", "code", "method", "host");
        QueueDepth = registry.CreateGauge("workqueue_depth", "Current depth of workqueue", "name");
        QueueAdds = registry.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", "name");
        QueueRetries = registry.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", "name");
        QueueDuration = registry.CreateHistogram(
            "workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested",
            RuntimeDefaults.WorkQueueDurationBuckets, "name");
        WorkDuration = registry.CreateHistogram(
            "workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes.",
            RuntimeDefaults.WorkQueueDurationBuckets, "name");
        UnfinishedWork = registry.CreateGauge(
            "workqueue_unfinished_work_seconds",
            "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. " +
            "Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
            "name");
        LongestRunningProcessor = registry.CreateGauge(
            "workqueue_longest_running_processor_seconds",
            "How many seconds has the longest running processor for workqueue been running.", "name");
    }

    public MetricsRegistry Registry { get; }

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
}
