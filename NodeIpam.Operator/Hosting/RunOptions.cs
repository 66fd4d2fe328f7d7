using k8s;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Operator.Hosting;

/// <summary>
/// What <c>run</c> was asked to do, one property per flag. <see cref="ToSettings"/> validates it and turns it into the
/// runtime's settings; a bad value is an <see cref="ArgumentException"/> naming the flag.
/// </summary>
internal sealed record RunOptions
{
    /// <summary>
    /// Workers of the Service controller. Eight, not controller-runtime's one: a reconcile is mostly waiting on one
    /// status PATCH, so the writes of a cold start or a node change that concerns many Services go out in parallel
    /// (make bench-scale: 2,000 Services written in 3.7 s with 8, 5.5 s with 2); 8 requests in flight are far below
    /// the API server's own limit (200 mutating requests by default).
    /// </summary>
    public const int DefaultWorkers = 8;

    /// <summary>Upper bound of --workers: more cannot help (writes are rate-limited by the API server) and only add load.</summary>
    public const int MaxWorkers = 64;

    /// <summary>Name of the leader-election Lease; one per installation, in the operator's namespace.</summary>
    public const string LeaseName = "nodeipam-operator-leader";

    /// <summary>Environment variable with the pod's namespace (downward API), the default --leader-election-namespace.</summary>
    public const string PodNamespaceVariable = "POD_NAMESPACE";

    /// <summary>File of the pod's namespace in the service-account volume, the in-cluster fallback.</summary>
    public const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>--kubeconfig: a kubeconfig file; null resolves as kubectl does (KUBECONFIG, ~/.kube/config, in-cluster).</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>--manage-services-without-class.</summary>
    public bool ManageServicesWithoutClass { get; init; }

    /// <summary>--leader-elect: only the holder of the Lease writes; the Deployment turns it on.</summary>
    public bool LeaderElect { get; init; }

    /// <summary>--leader-election-namespace; null: POD_NAMESPACE, else the service account's namespace.</summary>
    public string? LeaderElectionNamespace { get; init; }

    /// <summary>--exclude-not-ready-nodes: off by default, Cilium's rule (NotReady nodes keep their Services' traffic).</summary>
    public bool ExcludeNotReadyNodes { get; init; }

    /// <summary>--not-ready-grace; the default and its reason: <see cref="PlanningOptions.DefaultNotReadyGrace"/>.</summary>
    public TimeSpan NotReadyGrace { get; init; } = PlanningOptions.DefaultNotReadyGrace;

    /// <summary>The planning rules these flags give.</summary>
    public PlanningOptions Planning => new() { ExcludeNotReadyNodes = ExcludeNotReadyNodes, NotReadyGrace = NotReadyGrace };

    /// <summary>--workers.</summary>
    public int Workers { get; init; } = DefaultWorkers;

    /// <summary>--health-probe-bind-address (/healthz, /readyz); "0" disables.</summary>
    public string HealthProbeBindAddress { get; init; } = RuntimeDefaults.HealthProbeBindAddress;

    /// <summary>--metrics-bind-address (/metrics); "0" disables.</summary>
    public string MetricsBindAddress { get; init; } = RuntimeDefaults.MetricsBindAddress;

    /// <summary>--metrics-secure: HTTPS with token review (default); --metrics-secure=false serves plain, open HTTP.</summary>
    public bool MetricsSecure { get; init; } = RuntimeDefaults.MetricsSecure;

    /// <summary>--metrics-cert-dir: tls.crt and tls.key for /metrics, reloaded when they change; null: self-signed.</summary>
    public string? MetricsCertDir { get; init; }

    /// <summary>
    /// The runtime's settings. <paramref name="clientConfiguration"/> overrides the kubeconfig (tests);
    /// <paramref name="podNamespace"/> finds the namespace of this pod when --leader-election-namespace is absent.
    /// </summary>
    public OperatorSettings ToSettings(KubernetesClientConfiguration? clientConfiguration = null, Func<string?>? podNamespace = null)
    {
        if (Workers is < 1 or > MaxWorkers)
        {
            throw new ArgumentException($"--workers must be between 1 and {MaxWorkers} (got {Workers})");
        }

        if (NotReadyGrace < TimeSpan.Zero)
        {
            throw new ArgumentException($"--not-ready-grace must not be negative (got {NotReadyGrace})");
        }

        LeaderElectionOptions? election = null;
        if (LeaderElect)
        {
            var ns = LeaderElectionNamespace ?? (podNamespace ?? PodNamespace)();
            if (string.IsNullOrWhiteSpace(ns))
            {
                throw new ArgumentException(
                    $"--leader-elect needs --leader-election-namespace when not running in a pod ({PodNamespaceVariable} is not set)");
            }

            election = new LeaderElectionOptions { LeaseName = LeaseName, LeaseNamespace = ns.Trim() };
        }

        return new OperatorSettings
        {
            MaxConcurrentReconciles = Workers,
            LeaderElection = election,
            HealthProbeBindAddress = HealthProbeBindAddress,
            MetricsBindAddress = MetricsBindAddress,
            MetricsSecure = MetricsSecure,
            MetricsCertDir = MetricsCertDir,
            Kubeconfig = Kubeconfig,
            ClientConfiguration = clientConfiguration,
        }.Validate();
    }

    private static string? PodNamespace()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PodNamespaceVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        return File.Exists(ServiceAccountNamespaceFile) ? File.ReadAllText(ServiceAccountNamespaceFile) : null;
    }
}
