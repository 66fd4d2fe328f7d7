using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// Liveness: unhealthy when an informer has made no progress (a list, an answered watch, an event or a bookmark)
/// for longer than the threshold (<see cref="RuntimeDefaults.WatchLivenessThreshold"/>), i.e. its reflector is stuck
/// for good and a restart is the cure. Informers that have not started yet count from the check's creation.
/// </summary>
internal sealed class WatchProgressHealthCheck(InformerFactory informers, TimeProvider time) : IHealthCheck
{
    private readonly DateTimeOffset _created = time.GetUtcNow();

    public TimeSpan Threshold { get; init; } = RuntimeDefaults.WatchLivenessThreshold;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stuck = informers.Informers
            .Where(i => now - Max(i.LastWatchProgress, _created) > Threshold)
            .Select(i => $"{i.Kind} (last progress {i.LastWatchProgress:O})")
            .ToList();
        return Task.FromResult(stuck.Count == 0
            ? HealthCheckResult.Healthy("every informer is making progress")
            : HealthCheckResult.Unhealthy($"no watch progress for more than {Threshold}: {string.Join(", ", stuck)}"));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
