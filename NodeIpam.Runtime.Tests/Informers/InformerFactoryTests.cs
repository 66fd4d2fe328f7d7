using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.Informers;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.Informers;

public class InformerFactoryTests
{
    private static ServiceProvider Services(KubeApiSimulator simulator, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IKubernetes>(new Kubernetes(simulator.ClientConfiguration()));
        configure?.Invoke(services);
        services.AddInformers();
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task One_shared_informer_per_kind_configured_before_start_and_run_by_the_hosted_service()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        simulator.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "n1", Labels = new Dictionary<string, string> { ["zone"] = "a" } } });
        await using var services = Services(simulator, s => s
            .ConfigureInformer<V1Node>(setup => setup.Transform = n => new V1Node { Metadata = n.Metadata })
            .ConfigureInformer<V1Node>(setup => setup.AddIndex("zone", n => [n.Metadata.Labels["zone"]])));
        var factory = services.GetRequiredService<IInformerFactory>();
        var nodes = factory.GetInformer<V1Node>();
        var hosted = services.GetServices<IHostedService>().OfType<InformerFactory>().Should().ContainSingle().Subject;

        await hosted.StartAsync(CancellationToken.None);
        var late = factory.GetInformer<V1Service>();
        await nodes.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await late.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await hosted.StopAsync(CancellationToken.None);

        factory.GetInformer<V1Node>().Should().BeSameAs(nodes);
        nodes.Store.ByIndex("zone", "a").Should().ContainSingle().Which.Status.Should().BeNull("the transform ran");
        late.HasSynced.Should().BeTrue("an informer asked for after start is started at once");
        hosted.Informers.Select(i => i.Kind).Should().BeEquivalentTo("Node", "Service");
        var liveness = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(HealthTags.Liveness));
        liveness.Entries.Should().ContainKey("informer-watch-progress").WhoseValue.Status.Should().Be(HealthStatus.Healthy);
    }
}
