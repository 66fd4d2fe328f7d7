using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Runtime.Tests.LeaderElection;

[NonParallelizable]
public class LeaderElectionServiceTests
{
    [Test]
    public async Task Losing_the_lease_stops_the_application_with_exit_code_1()
    {
        var time = new FakeTimeProvider();
        var lease = new FakeLeaseLock();
        var options = new LeaderElectionOptions { LeaseName = "l", LeaseNamespace = "ns", Identity = "me" };
        using var leadership = new Leadership();
        var elector = new LeaderElector(lease, options, leadership, time, NullLogger<LeaderElector>.Instance, () => 0);
        var lifetime = new FakeLifetime();
        using var service = new LeaderElectionService(elector, lifetime, NullLogger<LeaderElectionService>.Instance);
        var exitCode = Environment.ExitCode;
        try
        {
            await service.StartAsync(CancellationToken.None);
            await Informers.Eventually.HoldsAsync(() => leadership.IsLeader, "leading");

            lease.Overwrite(lease.Current! with { HolderIdentity = "other" });
            for (var i = 0; i < 200 && !lifetime.Stopped; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
                await Task.Delay(5);
            }

            lifetime.Stopped.Should().BeTrue();
            Environment.ExitCode.Should().Be(1);
            leadership.LeadershipLost.IsCancellationRequested.Should().BeTrue();
        }
        finally
        {
            Environment.ExitCode = exitCode;
            await service.StopAsync(CancellationToken.None);
        }
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public bool Stopped { get; private set; }

        public void StopApplication() => Stopped = true;
    }
}
