using Prometheus;

namespace NodeIpam.Runtime.Metrics;

/// <summary>The controller_runtime_* series of one controller, looked up once (label <c>controller</c>).</summary>
internal sealed class ControllerMetrics
{
    public ControllerMetrics(RuntimeMetrics metrics, string controller)
    {
        Success = metrics.ReconcileTotal.WithLabels(controller, "success");
        Error = metrics.ReconcileTotal.WithLabels(controller, "error");
        Requeue = metrics.ReconcileTotal.WithLabels(controller, "requeue");
        RequeueAfter = metrics.ReconcileTotal.WithLabels(controller, "requeue_after");
        Errors = metrics.ReconcileErrors.WithLabels(controller);
        ReconcileTime = metrics.ReconcileTime.WithLabels(controller);
        ActiveWorkers = metrics.ActiveWorkers.WithLabels(controller);
        MaxConcurrentReconciles = metrics.MaxConcurrentReconciles.WithLabels(controller);
    }

    /// <summary>result="success": reconciled, nothing scheduled.</summary>
    public Counter.Child Success { get; }

    /// <summary>result="error": failed, retried with backoff.</summary>
    public Counter.Child Error { get; }

    /// <summary>
    /// result="requeue": controller-runtime's Result{Requeue: true}; our results have no such case, so it stays at
    /// zero, but it exists so that dashboards summing every result see the full set.
    /// </summary>
    public Counter.Child Requeue { get; }

    /// <summary>result="requeue_after": reconciled, scheduled again after a delay.</summary>
    public Counter.Child RequeueAfter { get; }

    public Counter.Child Errors { get; }

    public Histogram.Child ReconcileTime { get; }

    public Gauge.Child ActiveWorkers { get; }

    public Gauge.Child MaxConcurrentReconciles { get; }
}
