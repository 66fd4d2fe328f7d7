namespace NodeIpam.Simulator;

/// <summary>Start-up options of a <see cref="KubeApiSimulator"/>. Validated by <see cref="KubeApiSimulator.StartAsync"/>.</summary>
public sealed record SimulatorOptions
{
    /// <summary>
    /// Events kept per resource for watch resumes. The real API server's watch cache keeps events by time
    /// (about 75 s with etcd3) and size; a count bound is deterministic in tests and large enough for a
    /// 5,000-node benchmark's burst. Also settable later through <see cref="KubeApiSimulator.WatchHistorySize"/>.
    /// </summary>
    public const int DefaultWatchHistorySize = 10_000;

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Clock for timestamps, watch timeouts, bookmarks and injected latency. Defaults to the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Events kept per resource; see <see cref="DefaultWatchHistorySize"/>.</summary>
    public int WatchHistorySize { get; init; } = DefaultWatchHistorySize;

    /// <summary>
    /// How often a watch that asked for bookmarks gets one. The API server sends them about once a minute;
    /// tests call <see cref="SimulatorFaults.SendBookmarks"/> instead of waiting.
    /// </summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Server-side end of a watch without timeoutSeconds. The API server uses --min-request-timeout (1800 s)
    /// times a random factor in [1, 2); the simulator uses the lower bound, without jitter.
    /// </summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Serve HTTPS, as every kube-apiserver does, with a self-signed certificate made at start (see
    /// <see cref="KubeApiSimulator.ServingCertificate"/>): HTTP/1.1 and HTTP/2, chosen by ALPN. Off by default: plain
    /// HTTP is enough to referee behaviour; TLS is for measuring what a client costs against a real cluster.
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>Log every request at Information level (off by default: it slows benchmarks).</summary>
    public bool LogRequests { get; init; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "must be 0..65535");
        }

        if (WatchHistorySize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WatchHistorySize), WatchHistorySize, "must be at least 1");
        }

        if (BookmarkInterval <= TimeSpan.Zero || DefaultWatchTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BookmarkInterval), "intervals must be positive");
        }
    }
}
