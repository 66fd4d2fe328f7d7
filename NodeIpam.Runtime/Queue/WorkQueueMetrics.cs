using NodeIpam.Runtime.Metrics;
using Prometheus;

namespace NodeIpam.Runtime.Queue;

/// <summary>The workqueue_* series of one queue, looked up once (label <c>name</c> = the controller's name).</summary>
internal sealed class WorkQueueMetrics
{
    public WorkQueueMetrics(RuntimeMetrics metrics, string name)
    {
        Depth = metrics.QueueDepth.WithLabels(name);
        Adds = metrics.QueueAdds.WithLabels(name);
        Retries = metrics.QueueRetries.WithLabels(name);
        QueueDuration = metrics.QueueDuration.WithLabels(name);
        WorkDuration = metrics.WorkDuration.WithLabels(name);
        UnfinishedWork = metrics.UnfinishedWork.WithLabels(name);
        LongestRunningProcessor = metrics.LongestRunningProcessor.WithLabels(name);
        Runtime = metrics;
    }

    public RuntimeMetrics Runtime { get; }

    public Gauge.Child Depth { get; }

    public Counter.Child Adds { get; }

    public Counter.Child Retries { get; }

    public Histogram.Child QueueDuration { get; }

    public Histogram.Child WorkDuration { get; }

    public Gauge.Child UnfinishedWork { get; }

    public Gauge.Child LongestRunningProcessor { get; }
}
