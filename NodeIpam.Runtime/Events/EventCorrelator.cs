namespace NodeIpam.Runtime.Events;

/// <summary>
/// Decides, without I/O, what an occurrence of an event becomes (client-go's events cache plus record's spam filter):
/// <list type="bullet">
/// <item>the first occurrence of (object, type, reason, action, note), or one after the dedupe window since the last,
/// creates an Event, if the object's token bucket (burst <c>SpamBurst</c>, one token per <c>SpamRefill</c>) has a token;
/// otherwise it is dropped;</item>
/// <item>a repeat within the window joins that Event's series: the first repeat is patched at once (count 2), later
/// ones only bump the count, which <see cref="Flush"/> patches periodically (series writes take no tokens: they are
/// bounded by the flush interval).</item>
/// </list>
/// Not thread-safe: the recorder serialises calls.
/// </summary>
internal sealed class EventCorrelator(EventRecorderOptions options)
{
    private readonly Dictionary<SeriesKey, Series> _series = [];
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>The write this occurrence needs now, or null (joined a series, or rate-limited: see <paramref name="rateLimited"/>).</summary>
    public EventWrite? Observe(EventDraft draft, out bool rateLimited)
    {
        rateLimited = false;
        var now = draft.EventTime;
        var key = new SeriesKey(draft.Regarding.Identity, draft.Type, draft.Reason, draft.Action, draft.Note);
        if (_series.TryGetValue(key, out var series) && now - series.LastObserved < options.DedupeWindow)
        {
            series.Count++;
            series.LastObserved = now;
            if (series.Count == 2)
            {
                series.SentCount = 2;
                return new PatchSeries(series.Draft, 2, now);
            }

            return null;
        }

        if (!TakeToken(draft.Regarding.Identity, now))
        {
            rateLimited = true;
            return null;
        }

        _series[key] = new Series(draft) { Count = 1, SentCount = 1, LastObserved = now };
        return new CreateEvent(draft);
    }

    /// <summary>Patches for every series whose count grew since it was last sent; forgets series past the window.</summary>
    public IReadOnlyList<EventWrite> Flush(DateTimeOffset now)
    {
        var writes = new List<EventWrite>();
        foreach (var (key, series) in _series.ToList())
        {
            if (series.Count > series.SentCount)
            {
                series.SentCount = series.Count;
                writes.Add(new PatchSeries(series.Draft, series.Count, series.LastObserved));
            }

            if (now - series.LastObserved >= options.DedupeWindow)
            {
                _series.Remove(key);
            }
        }

        foreach (var (identity, bucket) in _buckets.ToList())
        {
            if (Refill(bucket, now) >= options.SpamBurst)
            {
                _buckets.Remove(identity);
            }
        }

        return writes;
    }

    private bool TakeToken(string identity, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(identity, out var bucket))
        {
            bucket = new Bucket { Tokens = options.SpamBurst, Updated = now };
            _buckets[identity] = bucket;
        }

        if (Refill(bucket, now) < 1)
        {
            return false;
        }

        bucket.Tokens--;
        return true;
    }

    private double Refill(Bucket bucket, DateTimeOffset now)
    {
        if (now > bucket.Updated)
        {
            bucket.Tokens = Math.Min(options.SpamBurst, bucket.Tokens + ((now - bucket.Updated) / options.SpamRefill));
            bucket.Updated = now;
        }

        return bucket.Tokens;
    }

    private readonly record struct SeriesKey(string Regarding, EventType Type, string Reason, string Action, string Note);

    private sealed class Series(EventDraft draft)
    {
        public EventDraft Draft { get; } = draft;

        public int Count { get; set; }

        public int SentCount { get; set; }

        public DateTimeOffset LastObserved { get; set; }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset Updated { get; set; }
    }
}
