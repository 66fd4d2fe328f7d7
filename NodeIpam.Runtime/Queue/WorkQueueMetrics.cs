using NodeIpam.Runtime.Metrics;

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
        Registry = metrics.Registry;
    }

    public MetricsRegistry Registry { get; }

    public GaugeSeries Depth { get; }

    public CounterSeries Adds { get; }

    public CounterSeries Retries { get; }

    public HistogramSeries QueueDuration { get; }

    public HistogramSeries WorkDuration { get; }

    public GaugeSeries UnfinishedWork { get; }

    public GaugeSeries LongestRunningProcessor { get; }
}
