using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.LeaderElection;

/// <summary>
/// Runs the <see cref="LeaderElector"/> for the life of the host. When leadership is lost other than by a clean
/// shutdown, <see cref="ILeadership.LeadershipLost"/> has already been cancelled (every write in flight is
/// cancelled and no new one starts); this service then sets <see cref="Environment.ExitCode"/> to 1 and stops the
/// application, so the pod restarts and rejoins the election as a standby. On a clean shutdown the leader releases
/// the lease. Register it before the controller host so that it stops after the controllers have drained.
/// Informers run regardless of leadership: a standby keeps warm caches and answers probes.
/// </summary>
internal sealed class LeaderElectionService(
    LeaderElector elector,
    IHostApplicationLifetime lifetime,
    ILogger<LeaderElectionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        elector.LostUnexpectedly += OnLost;
        return elector.RunAsync(stoppingToken);
    }

    private void OnLost(string reason)
    {
        logger.Exiting();
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
