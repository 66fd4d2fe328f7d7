using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Informers;
using NodeIpam.Runtime.LeaderElection;
using Prometheus;

namespace NodeIpam.Runtime.Tests.Hosting;

public sealed class OperatorServiceCollectionExtensionsTests
{
    private static OperatorSettings Settings => new()
    {
        ClientConfiguration = new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" },
        HealthProbeBindAddress = "127.0.0.1:0",
        MetricsBindAddress = "0",
    };

    [Test]
    public async Task Registers_the_runtime_and_one_host_per_controller()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ReconcileScript());
        services.AddKubernetesOperator(Settings)
            .AddController<RecordingController, V1Service>(c => c.Watches<V1Node>(_ => []))
            .AddController<NodeController, V1Node>();
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IKubernetes>().Should().BeOfType<Kubernetes>();
        provider.GetRequiredService<IInformerFactory>().Should().NotBeNull();
        provider.GetRequiredService<ILeadership>().IsLeader.Should().BeTrue("leader election is off");
        provider.GetRequiredService<CollectorRegistry>().Should().BeSameAs(provider.GetRequiredService<CollectorRegistry>());
        var hosted = provider.GetServices<IHostedService>().ToList();
        hosted.OfType<ControllerHost<RecordingController, V1Service>>().Should().ContainSingle();
        hosted.OfType<ControllerHost<NodeController, V1Node>>().Should().ContainSingle();
        hosted.OfType<ProbeServer>().Should().ContainSingle();
        provider.GetServices<IControllerStatus>().Select(s => s.Name).Should().BeEquivalentTo("service", "node");
    }

    [Test]
    public void Invalid_settings_fail_at_registration()
    {
        var services = new ServiceCollection();
        FluentActions.Invoking(() => services.AddKubernetesOperator(Settings with { MaxConcurrentReconciles = 0 }))
            .Should().Throw<ArgumentException>();
    }

    [Test]
    public void Two_controllers_with_one_name_are_refused()
    {
        var builder = new ServiceCollection().AddKubernetesOperator(Settings)
            .AddController<RecordingController, V1Service>(c => c.Named("same"));

        FluentActions.Invoking(() => builder.AddController<NodeController, V1Node>(c => c.Named("same")))
            .Should().Throw<InvalidOperationException>().WithMessage("*same*");
    }

    private sealed class NodeController : IEntityController<V1Node>
    {
        public Task<ReconciliationResult> ReconcileAsync(V1Node entity, CancellationToken cancellationToken) =>
            Task.FromResult(ReconciliationResult.Success());
    }
}
