using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Health;

namespace NodeIpam.Runtime.Informers;

/// <summary>Registers the shared informers and their per-kind configuration.</summary>
public static class InformerServiceCollectionExtensions
{
    /// <summary>
    /// Configures the informer of <typeparamref name="TEntity"/> whose cache keeps the objects themselves (transform,
    /// secondary indexes). Must be called while building the service collection; several calls for one kind apply in
    /// order.
    /// </summary>
    public static IServiceCollection ConfigureInformer<TEntity>(this IServiceCollection services, Action<InformerSetup<TEntity>> configure)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        services.AddSingleton<InformerConfiguration>(new PlainInformerConfiguration<TEntity>(configure));
        return services;
    }

    /// <summary>
    /// Registers the informer of <typeparamref name="TEntity"/> whose cache keeps <typeparamref name="TCached"/>:
    /// <paramref name="adapter"/> turns every object read into the value cached (pure; it must not throw, and an
    /// object it throws on is left out of the cache and logged). Readers ask for it with
    /// <c>GetInformer&lt;TCached&gt;()</c>; handlers and indexes see only cached values. Register each cached type
    /// once.
    /// </summary>
    public static IServiceCollection ConfigureInformer<TEntity, TCached>(
        this IServiceCollection services, Func<TEntity, TCached> adapter, Action<InformerSetup<TEntity, TCached>>? configure = null)
        where TEntity : IKubernetesObject<V1ObjectMeta>
        where TCached : class
    {
        ArgumentNullException.ThrowIfNull(adapter);
        services.AddSingleton<InformerConfiguration>(new InformerConfiguration<TEntity, TCached>(adapter, configure));
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
