using System.Reflection;
using k8s;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Runtime.Hosting;

/// <summary>
/// Everything <see cref="OperatorServiceCollectionExtensions.AddKubernetesOperator"/> needs, fixed at start-up and
/// validated there (<see cref="Validate"/>): a bad value stops the process with a message naming it, rather than
/// misbehaving later. Defaults are in <see cref="RuntimeDefaults"/>.
/// </summary>
public sealed record OperatorSettings
{
    /// <summary>Workers per controller (controller-runtime's MaxConcurrentReconciles); at least 1.</summary>
    public int MaxConcurrentReconciles { get; init; } = RuntimeDefaults.MaxConcurrentReconciles;

    /// <summary>Leader election on a Lease; null turns it off (this process always leads: run one replica only).</summary>
    public LeaderElectionOptions? LeaderElection { get; init; }

    /// <summary>Address of /healthz and /readyz (<c>host:port</c>, <c>:port</c> for every interface, port 0 for any free port; "0" disables).</summary>
    public string HealthProbeBindAddress { get; init; } = RuntimeDefaults.HealthProbeBindAddress;

    /// <summary>Address of /metrics, same syntax; "0" disables it. Must differ from the probe address (each is its own server).</summary>
    public string MetricsBindAddress { get; init; } = RuntimeDefaults.MetricsBindAddress;

    /// <summary>/metrics over HTTPS, each scrape checked by a TokenReview and a SubjectAccessReview; false: plain HTTP, open.</summary>
    public bool MetricsSecure { get; init; } = RuntimeDefaults.MetricsSecure;

    /// <summary>A directory with <c>tls.crt</c> and <c>tls.key</c> for /metrics (reloaded when they change); null: a self-signed certificate.</summary>
    public string? MetricsCertDir { get; init; }

    /// <summary>How long a stop waits for in-flight reconciles; must be positive.</summary>
    public TimeSpan GracefulShutdownTimeout { get; init; } = RuntimeDefaults.GracefulShutdownTimeout;

    /// <summary>
    /// Path of a kubeconfig file. When null (and <see cref="ClientConfiguration"/> is null) the configuration is
    /// found as kubectl does: the KUBECONFIG variable, then ~/.kube/config, then the in-cluster service account.
    /// </summary>
    public string? Kubeconfig { get; init; }

    /// <summary>An explicit client configuration (tests, embedding); wins over <see cref="Kubeconfig"/>.</summary>
    public KubernetesClientConfiguration? ClientConfiguration { get; init; }

    /// <summary>The version in the User-Agent (<c>nodeipam-operator/&lt;version&gt;</c>); defaults to this assembly's.</summary>
    public string Version { get; init; } = DefaultVersion();

    /// <summary>What the client layer reads of these settings.</summary>
    public ClientSettings Client => new(Kubeconfig, ClientConfiguration, Version);

    /// <summary>What the probe and metrics endpoints read of these settings.</summary>
    public EndpointSettings Endpoints => new(HealthProbeBindAddress, MetricsBindAddress, MetricsSecure, MetricsCertDir);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting; returns this when valid.</summary>
    public OperatorSettings Validate()
    {
        if (MaxConcurrentReconciles < 1)
        {
            throw new ArgumentException($"MaxConcurrentReconciles must be at least 1 (got {MaxConcurrentReconciles}).");
        }

        if (GracefulShutdownTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"GracefulShutdownTimeout must be positive (got {GracefulShutdownTimeout}).");
        }

        if (string.IsNullOrWhiteSpace(Version) || Version.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"Version must be a non-empty token without spaces (got '{Version}').");
        }

        var health = BindAddress.Parse(HealthProbeBindAddress, "health probe bind address");
        var metrics = BindAddress.Parse(MetricsBindAddress, "metrics bind address");
        if (health is not null && health == metrics && health.Port != 0)
        {
            throw new ArgumentException($"The health probe and metrics bind addresses must differ (both are '{health}').");
        }
        LeaderElection?.Validate();
        return this;
    }

    private static string DefaultVersion()
    {
        var version = typeof(OperatorSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrWhiteSpace(version))
        {
            return "0.0.0";
        }

        // Drop the "+commit" build metadata the SDK appends.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
