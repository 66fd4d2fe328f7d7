namespace NodeIpam.Simulator.Storage;

/// <summary>
/// The bounded event history of one resource, like the API server's watch cache: a resume from a
/// resourceVersion whose following events were evicted is answered with 410 Expired.
/// Not thread-safe; <see cref="ObjectStore"/> guards it with its lock.
/// </summary>
internal sealed class WatchHistory
{
    private readonly Queue<WatchEvent> _events = new();

    public WatchHistory(int capacity) => Capacity = capacity;

    public int Capacity { get; set; }

    /// <summary>Every event after this resourceVersion is still held; a resume from an older one is too old.</summary>
    public long Floor { get; private set; }

    public void Add(WatchEvent e)
    {
        _events.Enqueue(e);
        while (_events.Count > Math.Max(1, Capacity))
        {
            Floor = _events.Dequeue().ResourceVersion;
        }
    }

    /// <summary>Forgets every event, so only a resume from <paramref name="currentRv"/> or later succeeds.</summary>
    public void Compact(long currentRv)
    {
        _events.Clear();
        Floor = currentRv;
    }

    /// <summary>Events after <paramref name="rv"/>, or null when some of them were evicted.</summary>
    public List<WatchEvent>? After(long rv) =>
        rv < Floor ? null : _events.Where(e => e.ResourceVersion > rv).ToList();
}
