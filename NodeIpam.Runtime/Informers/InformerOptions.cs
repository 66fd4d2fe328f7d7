namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Timing of every informer (defaults in <see cref="RuntimeDefaults"/>). Validated when the informer factory is built.
/// </summary>
internal sealed record InformerOptions
{
    /// <summary>LIST page size (limit).</summary>
    public int PageSize { get; init; } = RuntimeDefaults.ListPageSize;

    /// <summary>Lower bound of the watch's timeoutSeconds; each watch asks for a random value in [min, 2*min).</summary>
    public TimeSpan MinWatchTimeout { get; init; } = RuntimeDefaults.MinWatchTimeout;

    /// <summary>A watch silent (no event, no bookmark) for longer than this is cancelled and re-opened.</summary>
    public TimeSpan WatchIdleTimeout { get; init; } = RuntimeDefaults.WatchIdleTimeout;

    public TimeSpan BackoffInitial { get; init; } = RuntimeDefaults.WatchBackoffInitial;

    public TimeSpan BackoffMax { get; init; } = RuntimeDefaults.WatchBackoffMax;

    public TimeSpan BackoffReset { get; init; } = RuntimeDefaults.WatchBackoffReset;

    public double BackoffJitter { get; init; } = RuntimeDefaults.WatchBackoffJitter;

    /// <summary>Throws when a value cannot work.</summary>
    public InformerOptions Validate()
    {
        if (PageSize <= 0)
        {
            throw new ArgumentException($"Informer page size must be positive, got {PageSize}.");
        }

        if (MinWatchTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"Watch timeout must be at least 1 s, got {MinWatchTimeout}.");
        }

        if (WatchIdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Watch idle timeout must be positive, got {WatchIdleTimeout}.");
        }

        if (BackoffInitial <= TimeSpan.Zero || BackoffMax < BackoffInitial || BackoffReset <= TimeSpan.Zero || BackoffJitter < 0)
        {
            throw new ArgumentException(
                $"Invalid informer backoff: initial {BackoffInitial}, max {BackoffMax}, reset {BackoffReset}, jitter {BackoffJitter}.");
        }

        return this;
    }
}
