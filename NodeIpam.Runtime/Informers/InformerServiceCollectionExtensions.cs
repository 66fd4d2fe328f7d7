using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodeIpam.Runtime.Health;

namespace NodeIpam.Runtime.Informers;

/// <summary>Registers the shared informers and their per-kind configuration.</summary>
public static class InformerServiceCollectionExtensions
{
    /// <summary>
    /// Configures the informer of <typeparamref name="TEntity"/> (transform, secondary indexes). Must be called while
    /// building the service collection; several calls for one kind apply in order.
    /// </summary>
    public static IServiceCollection ConfigureInformer<TEntity>(this IServiceCollection services, Action<InformerSetup<TEntity>> configure)
        where TEntity : IKubernetesObject<V1ObjectMeta>
    {
        services.AddSingleton(new InformerConfiguration(typeof(TEntity), configure));
        return services;
    }

    /// <summary>
    /// Registers <see cref="IInformerFactory"/> (also a hosted service that runs the informers) and the
    /// "informer-watch-progress" liveness check (<see cref="WatchProgressHealthCheck"/>, served on /healthz). Needs an
    /// <see cref="IKubernetes"/> singleton that is a KubernetesClient <see cref="Kubernetes"/>.
    /// </summary>
    internal static IServiceCollection AddInformers(this IServiceCollection services, InformerOptions? options = null)
    {
        services.TryAddSingleton(options ?? new InformerOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new KubeApiConnection(sp.GetRequiredService<IKubernetes>()));
        services.TryAddSingleton<InformerFactory>();
        services.TryAddSingleton<IInformerFactory>(sp => sp.GetRequiredService<InformerFactory>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<InformerFactory>());
        services.AddHealthChecks().AddCheck<WatchProgressHealthCheck>("informer-watch-progress", tags: [HealthTags.Liveness]);
        return services;
    }
}
