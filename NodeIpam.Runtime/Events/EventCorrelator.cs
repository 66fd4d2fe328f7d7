using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// What it keeps per series is what those decisions and writes need: the counts and the last time, and the Event that
/// began the series, packed (<see cref="EventDraftPacking"/>), since a patch names it and a patch that finds it gone
/// creates it again whole. Series and buckets are keyed by a 128-bit XxHash of their identifying strings rather than
/// the strings: two keys are taken as equal when their hashes are. A collision (about 2^-128 per pair, under a seed
/// drawn per process, so none can be prepared in advance) would fold an event into another's series or share a token
/// bucket, never more. Not thread-safe: the recorder serialises calls.
/// </summary>
internal sealed class EventCorrelator(EventRecorderOptions options)
{
    // Dictionaries never shrink by themselves: after a burst (a cold start creates an Event per object) their arrays
    // would stay sized for it. Trimmed once the live entries fall to a quarter of the room; regrowing doubles, so
    // trims stay rare. Below this room nothing is worth trimming.
    private const int TrimFloor = 64;

    private readonly Dictionary<UInt128, Series> _series = [];
    private readonly Dictionary<UInt128, Bucket> _buckets = [];
    private readonly XxHash128 _hash = new(Random.Shared.NextInt64());

    /// <summary>Room the series table holds now (live series and free slots): what it keeps after a burst.</summary>
    internal int SeriesCapacity => _series.Capacity;

    /// <summary>The write this occurrence needs now, or null (joined a series, or rate-limited: see <paramref name="rateLimited"/>).</summary>
    public EventWrite? Observe(EventDraft draft, out bool rateLimited)
    {
        rateLimited = false;
        var now = draft.EventTime;
        var identity = draft.Regarding.Identity;
        var key = SeriesKey(identity, draft);
        ref var series = ref CollectionsMarshal.GetValueRefOrNullRef(_series, key);
        if (!Unsafe.IsNullRef(ref series) && now - series.LastObserved < options.DedupeWindow)
        {
            series.Count++;
            series.LastObserved = now;
            if (series.Count == 2)
            {
                series.SentCount = 2;
                return new PatchSeries(series.Origin, 2, now);
            }

            return null;
        }

        if (!TakeToken(identity, now))
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

        // Removing while enumerating is allowed for Dictionary (it does not invalidate the enumerator).
        foreach (var key in _series.Keys)
        {
            ref var series = ref CollectionsMarshal.GetValueRefOrNullRef(_series, key);
            if (series.Count > series.SentCount)
            {
                series.SentCount = series.Count;
                writes.Add(new PatchSeries(series.Origin, series.Count, series.LastObserved));
            }

            if (now - series.LastObserved >= options.DedupeWindow)
            {
                _series.Remove(key);
            }
        }

        foreach (var key in _buckets.Keys)
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrNullRef(_buckets, key);
            if (Refill(ref bucket, now) >= options.SpamBurst)
            {
                _buckets.Remove(key);
            }
        }

        TrimIfSparse(_series);
        TrimIfSparse(_buckets);
        return writes;
    }

    private static void TrimIfSparse<TValue>(Dictionary<UInt128, TValue> table)
    {
        if (table.Capacity > TrimFloor && table.Count <= table.Capacity / 4)
        {
            table.TrimExcess();
        }
    }

    private bool TakeToken(string identity, DateTimeOffset now)
    {
        ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets, BucketKey(identity), out var exists);
        if (!exists)
        {
            bucket = new Bucket { Tokens = options.SpamBurst, Updated = now };
        }

        if (Refill(ref bucket, now) < 1)
        {
            return false;
        }

        bucket.Tokens--;
        return true;
    }

    private double Refill(ref Bucket bucket, DateTimeOffset now)
    {
        if (now > bucket.Updated)
        {
            bucket.Tokens = Math.Min(options.SpamBurst, bucket.Tokens + ((now - bucket.Updated) / options.SpamRefill));
            bucket.Updated = now;
        }

        return bucket.Tokens;
    }

    // (object, type, reason, action, note): each string length-prefixed, so that no two tuples hash the same bytes.
    private UInt128 SeriesKey(string identity, EventDraft draft)
    {
        _hash.Reset();
        Append(identity);
        Append((int)draft.Type);
        Append(draft.Reason);
        Append(draft.Action);
        Append(draft.Note);
        return _hash.GetCurrentHashAsUInt128();
    }

    private UInt128 BucketKey(string identity)
    {
        _hash.Reset();
        Append(identity);
        return _hash.GetCurrentHashAsUInt128();
    }

    private void Append(string text)
    {
        Append(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private void Append(int value) => _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

    // Times are kept as UTC ticks: half a DateTimeOffset, and the same instant (all that is compared or written:
    // MicroTime writes UTC); the recorder's times are UTC anyway (TimeProvider.GetUtcNow).
    private struct Series
    {
        // The draft packed (byte[]), or, when it cannot be packed losslessly (a lone surrogate), the draft itself:
        // one field for both, as every byte of a series counts.
        private readonly object _origin;
        private long _lastObservedUtcTicks;

        public Series(EventDraft origin) => _origin = EventDraftPacking.TryPack(origin) ?? (object)origin;

        public readonly EventDraft Origin => _origin as EventDraft ?? EventDraftPacking.Unpack((byte[])_origin);

        public int Count { get; set; }

        public int SentCount { get; set; }

        public DateTimeOffset LastObserved
        {
            readonly get => new(_lastObservedUtcTicks, TimeSpan.Zero);
            set => _lastObservedUtcTicks = value.UtcTicks;
        }
    }

    private struct Bucket
    {
        private long _updatedUtcTicks;

        public double Tokens { get; set; }

        public DateTimeOffset Updated
        {
            readonly get => new(_updatedUtcTicks, TimeSpan.Zero);
            set => _updatedUtcTicks = value.UtcTicks;
        }
    }
}
