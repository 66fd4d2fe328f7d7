using k8s;
using NodeIpam.Runtime.Metrics;

namespace NodeIpam.Runtime.Client;

/// <summary>
/// Builds the KubernetesClient <see cref="Kubernetes"/> the runtime and the operator share: User-Agent
/// <c>nodeipam-operator/&lt;version&gt;</c> and request metrics. Long watches are safe: KubernetesClient sets
/// <c>HttpClient.Timeout</c> to infinite and applies its own per-request timeout
/// (<see cref="KubernetesClientConfiguration.HttpClientTimeout"/>, 100 s by default) to every request except watches.
/// </summary>
internal sealed class KubernetesClientFactory(RuntimeMetrics metrics, ClientSettings settings)
{
    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; } = $"{RuntimeDefaults.UserAgentProduct}/{settings.Version}";

    /// <summary>A client for <see cref="ClientSettings.ClientConfiguration"/>, else the resolved kubeconfig.</summary>
    public Kubernetes CreateFromSettings() =>
        Create(settings.ClientConfiguration ?? KubeconfigResolver.Load(settings.Kubeconfig));

    /// <summary>A client for <paramref name="configuration"/>, with the runtime's handler in its pipeline.</summary>
    public Kubernetes Create(KubernetesClientConfiguration configuration) =>
        new(configuration, new RequestMetricsHandler(metrics, UserAgent));
}
