using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Hosting;

/// <summary>The operator's wiring: the runtime, the caches (one adapter per kind), and the Service controller with its watches.</summary>
internal static class OperatorServices
{
    /// <summary>The controller's name: the <c>controller</c> label of the runtime's metrics.</summary>
    public const string ControllerName = "service";

    /// <summary>Registers everything <c>run</c> needs on <paramref name="services"/>.</summary>
    public static IServiceCollection AddNodeIpamOperator(this IServiceCollection services, RunOptions options, OperatorSettings settings)
    {
        // The caches hold the records the rules read, each made by one adapter per kind (Caching/), which also says
        // what is skipped while reading the JSON; the strings they repeat are shared.
        var names = new NamePool();
        var written = new WrittenStatuses();
        var filter = new ServiceChangeFilter(written);
        services.AddSingleton(options.Planning);
        services.AddSingleton(written);
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<StatusApplier>();
        services.AddSingleton<NodeSnapshot>();
        services.AddSingleton<NodeChangeMapper>();
        services.AddSingleton<EndpointSliceChangeMapper>();
        services.ConfigureInformer<V1Node, NodeFacts>(new NodeAdapter(names).Adapt, NodeAdapter.Configure);
        services.ConfigureInformer<V1Service, CachedService>(
            new ServiceAdapter(names, new ManagementOptions(options.ManageServicesWithoutClass)).Adapt, ServiceAdapter.Configure);
        services.ConfigureInformer<V1EndpointSlice, EndpointSliceFacts>(new EndpointSliceAdapter(names).Adapt, EndpointSliceAdapter.Configure);

        services.AddKubernetesOperator(settings)
            .AddController<ServiceController, CachedService>(controller => controller
                .Named(ControllerName)
                .WithEventFilter(filter.ShouldReconcile)
                .Watches<NodeFacts>((sp, change) => sp.GetRequiredService<NodeChangeMapper>().Map(change))
                .Watches<EndpointSliceFacts>((sp, change) => sp.GetRequiredService<EndpointSliceChangeMapper>().Map(change)));

        services.AddHostedService<ServiceGauges>();
        return services;
    }
}
