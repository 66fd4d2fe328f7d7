namespace NodeIpam.Runtime;

/// <summary>
/// Every default of the runtime, in one place, each with the reason for its value and where it comes from in
/// client-go or controller-runtime. Options records read these; nothing else hard-codes a number. Public so that the
/// operator's flags can show the same defaults. Append new defaults at the end of the class.
/// </summary>
public static class RuntimeDefaults
{
    // ---- Informers (client-go tools/cache/reflector.go) ----

    /// <summary>LIST page size: client-go's pager default (pager.defaultPageSize = 500); bounds one response's size.</summary>
    public const int ListPageSize = 500;

    /// <summary>Minimum watch timeoutSeconds: client-go's minWatchTimeout (5 min); the server closes the watch after it.</summary>
    public static readonly TimeSpan MinWatchTimeout = TimeSpan.FromMinutes(5);

    /// <summary>First reconnect delay: reflector backoff manager's initial 800 ms (NewExponentialBackoffManager(800ms, ...)).</summary>
    public static readonly TimeSpan WatchBackoffInitial = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// Reconnect delay cap, jitter included: reflector backoff manager's 30 s maximum. Deviation from client-go, whose
    /// jitter is added on top of the cap (up to 60 s): here no delay exceeds 30 s (the base stops at 15 s), so an
    /// informer is back within 30 s of the API server's return. We choose faster recovery.
    /// </summary>
    public static readonly TimeSpan WatchBackoffMax = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time without failure after which the reconnect delay starts again from the initial value: reflector's 2 min reset.
    /// Progress (a completed list, a watch event) also resets it at once, unlike client-go (see ReconnectBackoff).
    /// </summary>
    public static readonly TimeSpan WatchBackoffReset = TimeSpan.FromMinutes(2);

    /// <summary>Reconnect delay jitter factor: reflector's jitter 1.0 (a delay d becomes d + rand*d, at most <see cref="WatchBackoffMax"/>).</summary>
    public const double WatchBackoffJitter = 1.0;

    /// <summary>
    /// A watch that delivers neither an event nor a bookmark for this long is treated as half-open and re-opened.
    /// client-go has no such watchdog (it relies on TCP keep-alives and the server's timeout); the real API server sends
    /// a bookmark about every minute, so three silent minutes mean the connection is dead.
    /// </summary>
    public static readonly TimeSpan WatchIdleTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Liveness fails when an informer made no progress (list, watch opened, event, bookmark) for this long: more than
    /// three idle timeouts, so only a reflector stuck for good restarts the pod. Our choice; client-go has no such check.
    /// </summary>
    public static readonly TimeSpan WatchLivenessThreshold = TimeSpan.FromMinutes(10);

    // ---- Leader election (controller-runtime pkg/leaderelection defaults, client-go tools/leaderelection) ----

    /// <summary>How long a lease is valid after its last renewal: controller-runtime's defaultLeaseDuration (15 s).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before giving up: controller-runtime's defaultRenewDeadline (10 s).</summary>
    public static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire/renew attempts: controller-runtime's defaultRetryPeriod (2 s).</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    /// <summary>Jitter applied to the retry period: client-go leaderelection's JitterFactor (1.2); the validation uses it.</summary>
    public const double LeaderElectionJitterFactor = 1.2;

    // ---- Events (client-go tools/events and tools/record) ----

    /// <summary>Repeats of the same event within this window become one Event with a series: client-go events' isomorphic window (6 min).</summary>
    public static readonly TimeSpan EventDedupeWindow = TimeSpan.FromMinutes(6);

    /// <summary>Per-object event burst: client-go record's spam filter defaultSpamBurst (25).</summary>
    public const int EventSpamBurst = 25;

    /// <summary>Per-object event refill interval: client-go record's defaultSpamQPS (1/300 per second: one token per 5 min).</summary>
    public static readonly TimeSpan EventSpamRefill = TimeSpan.FromMinutes(5);

    /// <summary>A growing event series is patched at most this often: our choice (client-go refreshes series every 30 min, too slow to read).</summary>
    public static readonly TimeSpan EventSeriesFlushInterval = TimeSpan.FromMinutes(1);

    /// <summary>Longest note the API server accepts (events.k8s.io/v1 validation: 1 KiB).</summary>
    public const int EventNoteMaxLength = 1024;

    /// <summary>
    /// Events waiting to be sent beyond which new ones are dropped. client-go's broadcaster keeps 1,000; ours hold
    /// Events back while controllers have work waiting (<see cref="EventYieldMax"/>), so a cold start of a few thousand
    /// objects, one Event each, must fit (a few MB at most, given back once sent).
    /// </summary>
    public const int EventQueueCapacity = 4096;

    /// <summary>The longest an Event is held back while controllers have work waiting: Events come after the writes that matter, but not much later (ours).</summary>
    public static readonly TimeSpan EventYieldMax = TimeSpan.FromSeconds(10);

    /// <summary>How often a held-back Event looks again whether the controllers' work is done (ours).</summary>
    public static readonly TimeSpan EventYieldPoll = TimeSpan.FromMilliseconds(100);

    // ---- Work queue, controllers, endpoints and client (client-go workqueue, controller-runtime, kubebuilder) ----

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

    /// <summary>
    /// Address of /metrics; kubebuilder's scaffold since v4 (:8443, served over HTTPS with authentication and
    /// authorization; it was plain HTTP on :8080 before); "0" disables it, as in controller-runtime.
    /// </summary>
    public const string MetricsBindAddress = ":8443";

    /// <summary>
    /// Whether /metrics is served over HTTPS and every scrape is checked with a TokenReview and a SubjectAccessReview;
    /// kubebuilder's --metrics-secure default (true). False serves plain HTTP to anyone: for development only.
    /// </summary>
    public const bool MetricsSecure = true;

    /// <summary>
    /// Connections /healthz and /readyz accept at once. The kubelet probes one at a time; the rest is room for a person
    /// with curl. The probe server is its own Kestrel server: metrics clients never take these.
    /// </summary>
    public const int ProbeMaxConnections = 16;

    /// <summary>Time for a probe's request headers to arrive and again for its answer (the kubelet's probe timeout defaults to 1 s).</summary>
    public static readonly TimeSpan ProbeRequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connections /metrics accepts at once: a few Prometheus replicas and people; beyond it new ones are refused.</summary>
    public const int MetricsMaxConnections = 32;

    /// <summary>
    /// Time for a scrape's TLS handshake or request headers to arrive, and again for its answer (including the
    /// TokenReview and SubjectAccessReview); Prometheus' default scrape timeout (10 s).
    /// </summary>
    public static readonly TimeSpan MetricsRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an allowed scrape token is trusted before it is reviewed again; controller-runtime's
    /// WithAuthenticationAndAuthorization caches TokenReviews for 1 minute (and allowed SubjectAccessReviews longer).
    /// </summary>
    public static readonly TimeSpan MetricsAuthAllowedTtl = TimeSpan.FromMinutes(1);

    /// <summary>How long a refused token (401 or 403) stays refused; controller-runtime's deny cache (30 s), so a new RoleBinding takes effect soon.</summary>
    public static readonly TimeSpan MetricsAuthDeniedTtl = TimeSpan.FromSeconds(30);

    /// <summary>Tokens remembered at once: a bound, so that scrapes with ever new tokens cannot grow the cache without limit.</summary>
    public const int MetricsAuthCacheSize = 1024;

    /// <summary>How often --metrics-cert-dir's tls.crt and tls.key are looked at for a change; controller-runtime's certwatcher polls every 10 s.</summary>
    public static readonly TimeSpan MetricsCertificateCheckInterval = TimeSpan.FromSeconds(10);

    /// <summary>Validity of the self-signed certificate made at start-up when no --metrics-cert-dir is given (a process restarts long before).</summary>
    public static readonly TimeSpan SelfSignedCertificateValidity = TimeSpan.FromDays(365);

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

    // ---- Requests ----

    /// <summary>
    /// How long a request sent through the raw connection (other than a watch) may take, answer included:
    /// KubernetesClient's default per-request timeout, which its generated operations apply and raw requests do not
    /// get (its HttpClient never times out, so that watches can last).
    /// </summary>
    public static readonly TimeSpan ApiRequestTimeout = TimeSpan.FromSeconds(100);

    // ---- Memory (ours) ----

    /// <summary>How often the memory trimmer looks at the allocation rate: short enough to trim soon after a burst.</summary>
    public static readonly TimeSpan MemoryTrimInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Namespace names an informer shares among its cache's keys before it starts afresh: far more than a cluster has
    /// (the sharing is what matters; the bound only stops names of long-deleted namespaces from piling up).
    /// </summary>
    public const int InformerSharedNamespaces = 4_096;

    /// <summary>
    /// Allocation within one interval that marks a burst (a cold start, a relist, a change touching many Services).
    /// Not lower: with 8 MB make bench-scale measured no gain in steady memory, only more full collections
    /// (README, Benchmarks).
    /// </summary>
    public const long MemoryTrimBurstBytes = 32L * 1024 * 1024;

    /// <summary>Allocation within one interval below which the process counts as idle again (heartbeats and the Lease allocate less).</summary>
    public const long MemoryTrimIdleBytes = 4L * 1024 * 1024;
}
