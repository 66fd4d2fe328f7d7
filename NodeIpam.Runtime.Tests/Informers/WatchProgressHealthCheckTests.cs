using k8s;
using k8s.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class WatchProgressHealthCheckTests
{
    [Test]
    public async Task Liveness_fails_only_once_an_informer_made_no_progress_for_the_threshold()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        using var factory = new InformerFactory(new KubeApiConnection(client), new InformerOptions(), [], time, NullLoggerFactory.Instance);
        factory.GetInformer<V1Node>();
        var check = new WatchProgressHealthCheck(factory, time);

        time.Advance(TimeSpan.FromMinutes(9));
        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        time.Advance(TimeSpan.FromMinutes(2));
        var stuck = await check.CheckHealthAsync(new HealthCheckContext());

        healthy.Status.Should().Be(HealthStatus.Healthy);
        stuck.Status.Should().Be(HealthStatus.Unhealthy);
        stuck.Description.Should().Contain("Node");
    }

    [Test]
    public void Watch_timeouts_spread_over_five_to_ten_minutes()
    {
        Reflector<V1Node, V1Node>.WatchTimeoutSeconds(TimeSpan.FromMinutes(5), 0).Should().Be(300);
        Reflector<V1Node, V1Node>.WatchTimeoutSeconds(TimeSpan.FromMinutes(5), 0.999).Should().Be(599);
    }
}
