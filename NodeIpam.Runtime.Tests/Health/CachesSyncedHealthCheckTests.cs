using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Health;

namespace NodeIpam.Runtime.Tests.Health;

public sealed class CachesSyncedHealthCheckTests
{
    [Test]
    public async Task Unhealthy_naming_the_controllers_still_syncing_then_healthy()
    {
        var service = new FakeStatus("service", synced: false);
        var check = new CachesSyncedHealthCheck([service, new FakeStatus("node", synced: true)]);

        var waiting = await check.CheckHealthAsync(new HealthCheckContext());
        waiting.Status.Should().Be(HealthStatus.Unhealthy);
        waiting.Description.Should().Contain("service").And.NotContain("node");

        service.CachesSynced = true;
        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);
    }

    internal sealed class FakeStatus(string name, bool synced) : IControllerStatus
    {
        public string Name { get; } = name;

        public bool CachesSynced { get; set; } = synced;
    }
}
