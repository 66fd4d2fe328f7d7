namespace NodeIpam.Runtime;

/// <summary>
/// Every default of the runtime, in one place, each with the reason for its value and where it comes from in
/// client-go or controller-runtime. Options records read these; nothing else hard-codes a number.
/// </summary>
internal static class RuntimeDefaults
{
    // ---- Informers (client-go tools/cache/reflector.go) ----

    /// <summary>LIST page size: client-go's pager default (pager.defaultPageSize = 500); bounds one response's size.</summary>
    public const int ListPageSize = 500;

    /// <summary>Minimum watch timeoutSeconds: client-go's minWatchTimeout (5 min); the server closes the watch after it.</summary>
    public static readonly TimeSpan MinWatchTimeout = TimeSpan.FromMinutes(5);

    /// <summary>First reconnect delay: reflector backoff manager's initial 800 ms (NewExponentialBackoffManager(800ms, ...)).</summary>
    public static readonly TimeSpan WatchBackoffInitial = TimeSpan.FromMilliseconds(800);

    /// <summary>Reconnect delay cap: reflector backoff manager's 30 s maximum.</summary>
    public static readonly TimeSpan WatchBackoffMax = TimeSpan.FromSeconds(30);

    /// <summary>Healthy time after which the reconnect delay starts again from the initial value: reflector's 2 min reset.</summary>
    public static readonly TimeSpan WatchBackoffReset = TimeSpan.FromMinutes(2);

    /// <summary>Reconnect delay jitter factor: reflector's jitter 1.0 (a delay d becomes d + rand*d).</summary>
    public const double WatchBackoffJitter = 1.0;

    /// <summary>
    /// A watch that delivers neither an event nor a bookmark for this long is treated as half-open and re-opened.
    /// client-go has no such watchdog (it relies on TCP keep-alives and the server's timeout); the real API server sends
    /// a bookmark about every minute, so three silent minutes mean the connection is dead.
    /// </summary>
    public static readonly TimeSpan WatchIdleTimeout = TimeSpan.FromMinutes(3);

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

    /// <summary>Longest note the API server accepts (events.k8s.io/v1 validation: 1 KiB).</summary>
    public const int EventNoteMaxLength = 1024;

    /// <summary>Events waiting to be sent beyond which new ones are dropped (client-go's broadcaster queue length, 1000).</summary>
    public const int EventQueueCapacity = 1000;
}
