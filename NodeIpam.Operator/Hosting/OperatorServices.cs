using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Hosting;

/// <summary>The operator's wiring: the runtime, the caches (transforms and indexes), and the Service controller with its watches.</summary>
internal static class OperatorServices
{
    /// <summary>The controller's name: the <c>controller</c> label of the runtime's metrics.</summary>
    public const string ControllerName = "service";

    /// <summary>Registers everything <c>run</c> needs on <paramref name="services"/>.</summary>
    public static IServiceCollection AddNodeIpamOperator(this IServiceCollection services, RunOptions options, OperatorSettings settings)
    {
        // Created here, not by the container: the informer configuration (indexes) and the event filter need them
        // before any service is resolved.
        var facts = new FactsCache(new ManagementOptions(options.ManageServicesWithoutClass));
        var transforms = new CacheTransforms(facts);
        var written = new WrittenStatuses(facts.Names);
        var filter = new ServiceChangeFilter(written, facts);
        services.AddSingleton(facts);
        services.AddSingleton(options.Planning);
        services.AddSingleton(written);
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<StatusApplier>();
        services.AddSingleton<NodeSnapshot>();
        services.AddSingleton<NodeChangeMapper>();
        services.AddSingleton<EndpointSliceChangeMapper>();

        // What the transforms would drop anyway is skipped while reading, so it is never allocated: most of a node's
        // JSON is images, conditions and capacity, most of a slice's is per-endpoint detail. Of the conditions only
        // type, status and lastTransitionTime are read (the Ready condition's are kept: the NotReady rule).
        services.ConfigureInformer<V1Node>(setup =>
        {
            setup.Transform = transforms.Node;
            setup.SkipOnRead<V1ObjectMeta>("annotations", "managedFields", "ownerReferences")
                .SkipOnRead<V1NodeStatus>(
                    "allocatable", "capacity", "config", "daemonEndpoints", "images", "nodeInfo", "volumesAttached", "volumesInUse")
                .SkipOnRead<V1NodeCondition>("lastHeartbeatTime", "message", "reason");
        });
        services.ConfigureInformer<V1Service>(setup =>
        {
            setup.Transform = transforms.Service;
            setup.SkipOnRead<V1ObjectMeta>("managedFields", "ownerReferences")
                .SkipOnRead<V1ServiceSpec>("ports", "selector");
            setup.AddIndex(CacheIndexes.ManagedServices, service => CacheIndexes.ManagedValues(facts, service));
        });
        services.ConfigureInformer<V1EndpointSlice>(setup =>
        {
            setup.Transform = transforms.EndpointSlice;
            setup.SkipOnRead<V1ObjectMeta>("annotations", "managedFields", "ownerReferences")
                .SkipOnRead<V1EndpointSlice>("ports")
                .SkipOnRead<V1Endpoint>("deprecatedTopology", "hints", "hostname", "zone");
            setup.AddIndex(CacheIndexes.SlicesByService, CacheIndexes.ServiceValues);
        });

        services.AddKubernetesOperator(settings)
            .AddController<ServiceController, V1Service>(controller => controller
                .Named(ControllerName)
                .WithEventFilter(filter.ShouldReconcile)
                .Watches<V1Node>((sp, change) => sp.GetRequiredService<NodeChangeMapper>().Map(change))
                .Watches<V1EndpointSlice>((sp, change) => sp.GetRequiredService<EndpointSliceChangeMapper>().Map(change)));

        services.AddHostedService<ServiceGauges>();
        return services;
    }
}
