using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Events;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.Informers;
using NodeIpam.Runtime.LeaderElection;
using NodeIpam.Runtime.Metrics;
using Prometheus;

namespace NodeIpam.Runtime.Hosting;

/// <summary>The runtime's entry point, shaped like KubeOps' <c>AddKubernetesOperator()</c>.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Validates <paramref name="settings"/> (throws on a bad value) and registers the runtime: the Kubernetes client
    /// (<c>k8s.IKubernetes</c>, counting <c>rest_client_requests_total</c>), the shared informers, leader election
    /// (or a permanent leader when off), the <see cref="IEventRecorder"/> (reportingInstance = the leader-election
    /// identity, i.e. the pod name), the metrics (prometheus-net's <see cref="CollectorRegistry"/> and an
    /// <see cref="IMetricFactory"/> for the operator's own), health checks (readiness = every
    /// controller's caches synced) and the probe and metrics endpoints (Kestrel). Add controllers on the returned builder.
    /// Services already registered (a <see cref="TimeProvider"/>, an <c>IKubernetes</c>) are kept.
    /// </summary>
    public static IOperatorBuilder AddKubernetesOperator(this IServiceCollection services, OperatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        services.TryAddSingleton(settings);
        services.TryAddSingleton(settings.Client);
        services.TryAddSingleton(settings.Endpoints);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => RuntimeMetrics.CreateRegistry());
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton(sp => sp.GetRequiredService<RuntimeMetrics>().Factory);
        services.TryAddSingleton<KubernetesClientFactory>();
        services.TryAddSingleton<k8s.IKubernetes>(sp => sp.GetRequiredService<KubernetesClientFactory>().CreateFromSettings());
        services.AddInformers();
        services.AddLeaderElection(settings.LeaderElection);
        services.AddEventRecorder(new EventRecorderOptions
        {
            ReportingInstance = settings.LeaderElection?.Identity ?? LeaderElectionOptions.DefaultIdentity(),
        });

        services.AddHealthChecks().AddCheck<CachesSyncedHealthCheck>("caches-synced", tags: [HealthTags.Readiness]);
        services.TryAddSingleton(sp => new MetricsAuthorizer(
            () => sp.GetRequiredService<k8s.IKubernetes>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<MetricsAuthorizer>()));
        services.TryAddSingleton<ProbeServer>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ProbeServer>());
        services.AddHostedService<MemoryTrimmer>();
        return new OperatorBuilder(services, settings);
    }
}
