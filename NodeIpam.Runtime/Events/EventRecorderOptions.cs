namespace NodeIpam.Runtime.Events;

/// <summary>How the event recorder identifies itself and limits its output (defaults in <see cref="RuntimeDefaults"/>).</summary>
internal sealed record EventRecorderOptions
{
    /// <summary>reportingController of every Event.</summary>
    public string ReportingController { get; init; } = "nodeipam.io/operator";

    /// <summary>reportingInstance of every Event: this process's identity (the pod name).</summary>
    public required string ReportingInstance { get; init; }

    /// <summary>A repeat within this time of the previous occurrence joins its series instead of creating an Event.</summary>
    public TimeSpan DedupeWindow { get; init; } = RuntimeDefaults.EventDedupeWindow;

    /// <summary>Events per object that can be sent in a burst.</summary>
    public int SpamBurst { get; init; } = RuntimeDefaults.EventSpamBurst;

    /// <summary>Time for one more event per object to be allowed after the burst is spent.</summary>
    public TimeSpan SpamRefill { get; init; } = RuntimeDefaults.EventSpamRefill;

    /// <summary>Series counts that grew are sent (PATCH) at most this often per series after the first repeat.</summary>
    public TimeSpan SeriesFlushInterval { get; init; } = RuntimeDefaults.EventSeriesFlushInterval;

    /// <summary>Writes waiting to be sent beyond which new events are dropped.</summary>
    public int QueueCapacity { get; init; } = RuntimeDefaults.EventQueueCapacity;

    public EventRecorderOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(ReportingController) || string.IsNullOrWhiteSpace(ReportingInstance)
            || ReportingController.Length > 128 || ReportingInstance.Length > 128)
        {
            throw new ArgumentException("Events need a reportingController and a reportingInstance of 1 to 128 characters.");
        }

        if (DedupeWindow <= TimeSpan.Zero || SpamBurst <= 0 || SpamRefill <= TimeSpan.Zero || SeriesFlushInterval <= TimeSpan.Zero || QueueCapacity <= 0)
        {
            throw new ArgumentException("Event dedupe window, spam burst, refill, series flush interval and queue capacity must be positive.");
        }

        return this;
    }
}
