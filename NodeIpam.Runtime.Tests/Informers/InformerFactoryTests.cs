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

    [Test]
    public async Task An_informer_registered_with_an_adapter_is_found_by_its_cached_type_and_indexes_its_records()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        simulator.Store.Create(ConfigMapColour.Map("a", "red"));
        simulator.Store.Create(ConfigMapColour.Map("b", "blue"));
        await using var services = Services(simulator, s => s
            .ConfigureInformer<V1ConfigMap, ConfigMapColour>(ConfigMapColour.From, setup => setup.AddIndex("colour", c => [c.Colour!])));
        var factory = services.GetRequiredService<IInformerFactory>();
        var hosted = services.GetServices<IHostedService>().OfType<InformerFactory>().Single();

        var colours = factory.GetInformer<ConfigMapColour>();
        await hosted.StartAsync(CancellationToken.None);
        await colours.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await hosted.StopAsync(CancellationToken.None);

        factory.GetInformer<ConfigMapColour>().Should().BeSameAs(colours);
        colours.Store.ByIndex("colour", "red").Should().Equal(new ConfigMapColour("a", "red"));
        hosted.Informers.Select(i => i.Kind).Should().Equal("ConfigMap");
    }

    [Test]
    public async Task Asking_for_an_unregistered_type_that_is_not_a_kubernetes_model_is_a_clear_error()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        await using var services = Services(simulator);
        var factory = services.GetRequiredService<IInformerFactory>();

        factory.Invoking(f => f.GetInformer<ConfigMapColour>()).Should().Throw<InvalidOperationException>()
            .WithMessage("No informer caches ConfigMapColour: register one with ConfigureInformer<TEntity, ConfigMapColour>(adapter).");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Registering_a_cached_type_both_plain_and_with_an_adapter_is_a_clear_error_whichever_comes_first(bool plainFirst)
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        Action<IServiceCollection> plain = s => s.ConfigureInformer<V1Node>(setup => setup.AddIndex("name", n => [n.Metadata.Name]));
        Action<IServiceCollection> adapted = s => s.ConfigureInformer<V1Node, V1Node>(n => new V1Node { Metadata = n.Metadata });
        await using var services = Services(simulator, plainFirst ? plain + adapted : adapted + plain);
        var factory = services.GetRequiredService<IInformerFactory>();

        factory.Invoking(f => f.GetInformer<V1Node>()).Should().Throw<InvalidOperationException>()
            .WithMessage("The informer of V1Node was registered both with and without a cache adapter; register it one way.");
    }

    [Test]
    public async Task Registering_a_cached_type_with_two_adapters_is_a_clear_error()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        await using var services = Services(simulator, s => s
            .ConfigureInformer<V1ConfigMap, ConfigMapColour>(ConfigMapColour.From)
            .ConfigureInformer<V1ConfigMap, ConfigMapColour>(m => new ConfigMapColour(m.Metadata.Name, null)));
        var factory = services.GetRequiredService<IInformerFactory>();

        factory.Invoking(f => f.GetInformer<ConfigMapColour>()).Should().Throw<InvalidOperationException>()
            .WithMessage("The informer of ConfigMapColour was registered with 2 cache adapters; register each cached type once.");
    }
}
