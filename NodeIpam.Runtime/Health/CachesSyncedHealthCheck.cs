using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// Readiness: healthy once every controller's informers have synced (controller-runtime's readyz with cache sync).
/// Leadership is not required: a standby with warm caches is ready to take over.
/// </summary>
internal sealed class CachesSyncedHealthCheck(IEnumerable<IControllerStatus> controllers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = controllers.Where(c => !c.CachesSynced).Select(c => c.Name).ToList();
        return Task.FromResult(waiting.Count == 0
            ? HealthCheckResult.Healthy("caches synced")
            : HealthCheckResult.Unhealthy($"caches not synced yet for controller(s): {string.Join(", ", waiting)}"));
    }
}
