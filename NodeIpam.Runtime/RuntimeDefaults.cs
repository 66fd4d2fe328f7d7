namespace NodeIpam.Runtime;

/// <summary>
/// Every default of the runtime, in one place, each with why it has that value and where the value comes from
/// (client-go, controller-runtime or kubebuilder), so that the operator behaves like a Go operator out of the box.
/// Append new defaults at the end of the class.
/// </summary>
public static class RuntimeDefaults
{
    /// <summary>First retry delay after a failed reconcile; client-go's DefaultControllerRateLimiter (5 ms).</summary>
    public static readonly TimeSpan FailureBaseDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>Cap of the per-key exponential backoff; client-go's DefaultControllerRateLimiter (1000 s).</summary>
    public static readonly TimeSpan FailureMaxDelay = TimeSpan.FromSeconds(1000);

    /// <summary>Steady rate of the overall retry token bucket, so a mass failure cannot hammer the API server; client-go (10 qps).</summary>
    public const double RetryBucketQps = 10;

    /// <summary>Burst of the overall retry token bucket; client-go's DefaultControllerRateLimiter (100).</summary>
    public const int RetryBucketBurst = 100;

    /// <summary>Workers per controller; controller-runtime's MaxConcurrentReconciles default (1): simplest to reason about, the operator raises it by flag.</summary>
    public const int MaxConcurrentReconciles = 1;

    /// <summary>How long a stop waits for in-flight reconciles to finish; controller-runtime's manager GracefulShutdownTimeout (30 s).</summary>
    public static readonly TimeSpan GracefulShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Address of /healthz and /readyz; kubebuilder's scaffolded --health-probe-bind-address (:8081).</summary>
    public const string HealthProbeBindAddress = ":8081";

    /// <summary>Address of /metrics; kubebuilder's historical --metrics-bind-address (:8080); "0" disables it, as in controller-runtime.</summary>
    public const string MetricsBindAddress = ":8080";

    /// <summary>The bind address value that disables an endpoint; controller-runtime's convention for metrics ("0").</summary>
    public const string DisabledBindAddress = "0";

    /// <summary>Product token of the User-Agent header, so API server audit logs name the operator (client-go sends "binary/version").</summary>
    public const string UserAgentProduct = "nodeipam-operator";

    /// <summary>
    /// Buckets of controller_runtime_reconcile_time_seconds, in seconds; controller-runtime's own list, so existing
    /// dashboards and alerts keep their meaning.
    /// </summary>
    public static IReadOnlyList<double> ReconcileTimeBuckets { get; } =
    [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
        1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
    ];

    /// <summary>
    /// Buckets of workqueue_queue_duration_seconds and workqueue_work_duration_seconds: 10 ns to 1000 s by powers of
    /// ten; controller-runtime's workqueue metrics provider (ExponentialBuckets(10e-9, 10, 12)).
    /// </summary>
    public static IReadOnlyList<double> WorkQueueDurationBuckets { get; } =
    [
        1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000,
    ];
}
