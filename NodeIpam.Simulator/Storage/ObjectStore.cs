using System.Globalization;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Selectors;

namespace NodeIpam.Simulator.Storage;

/// <summary>
/// All objects of all kinds, the global resourceVersion counter, the per-resource watch histories and the open
/// watches. One lock orders every write, so resourceVersions are strictly increasing and every watcher sees
/// events in that order. Write callbacks run under the lock (a read-modify-write never races).
/// A resource that shares another's storage (<see cref="ResourceType.StoredAs"/>) is stored in that one's form
/// and converted on every read, write and watch event, so both APIs see the same objects, resourceVersions and
/// changes.
/// </summary>
internal sealed class ObjectStore
{
    /// <summary>
    /// etcd's default --max-request-bytes (1.5 MiB): a write of a bigger object fails. Measured here on the stored
    /// JSON, which is larger than the protobuf etcd receives, so the simulator is, if anything, stricter.
    /// </summary>
    public const int MaxObjectBytes = 3 * 512 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _objects = [];
    private readonly Dictionary<string, WatchHistory> _histories = [];
    private readonly Dictionary<string, List<WatchSubscription>> _watches = [];
    private long _resourceVersion;
    private int _historySize;

    public ObjectStore(int historySize) => _historySize = historySize;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Events kept per resource for watch resumes.</summary>
    public int HistorySize
    {
        get => _historySize;
        set
        {
            lock (_lock)
            {
                _historySize = value;
                foreach (var h in _histories.Values)
                {
                    h.Capacity = value;
                }
            }
        }
    }

    public StoredObject? Get(ResourceType type, string ns, string name)
    {
        lock (_lock)
        {
            return View(Objects(type).GetValueOrDefault(StoredObject.KeyOf(ns, name)), type);
        }
    }

    /// <summary>
    /// A page of matching objects in key order, starting after <paramref name="afterKey"/>; the count of further
    /// matches; and the resourceVersion the snapshot was taken at.
    /// </summary>
    public (List<StoredObject> Items, int Remaining, long ResourceVersion) List(ResourceType type, ObjectFilter filter, string? afterKey, int limit)
    {
        List<StoredObject> all;
        long rv;
        lock (_lock)
        {
            all = [.. Objects(type).Values];
            rv = _resourceVersion;
        }

        var items = new List<StoredObject>();
        var remaining = 0;
        foreach (var stored in all)
        {
            if (afterKey is not null && string.CompareOrdinal(stored.Key, afterKey) <= 0)
            {
                continue;
            }

            var obj = View(stored, type)!;
            if (!filter.Matches(obj))
            {
                continue;
            }

            if (limit > 0 && items.Count >= limit)
            {
                remaining++;
            }
            else
            {
                items.Add(obj);
            }
        }

        return (items, remaining, rv);
    }

    /// <summary>
    /// Runs <paramref name="decide"/> on the current object under the lock and applies its decision. A put that
    /// changes nothing keeps the resourceVersion and emits no event.
    /// </summary>
    public WriteResult Write(ResourceType type, string ns, string name, Func<StoredObject?, WriteDecision> decide)
    {
        lock (_lock)
        {
            var objects = Objects(type);
            var key = StoredObject.KeyOf(ns, name);
            var current = objects.GetValueOrDefault(key);
            var decision = decide(View(current, type));
            var storageType = ResourceCatalog.StorageType(type);
            switch (decision.Action)
            {
                case WriteAction.Put:
                    var next = storageType == type ? decision.Next! : EventConversion.Convert(decision.Next!, storageType);
                    if (current is not null && Unchanged(current, next))
                    {
                        return new WriteResult(View(current, type), Created: false, Deleted: false, Changed: false);
                    }

                    var stored = Stamp(storageType, next, checkSize: true);
                    objects[key] = stored;
                    Publish(new WatchEvent(current is null ? "ADDED" : "MODIFIED", stored, current));
                    return new WriteResult(View(stored, type), Created: current is null, Deleted: false, Changed: true);
                case WriteAction.Delete when current is not null:
                    var last = Stamp(storageType, current.ToNode());
                    objects.Remove(key);
                    Publish(new WatchEvent("DELETED", last, current));
                    return new WriteResult(View(last, type), Created: false, Deleted: true, Changed: true);
                default:
                    return new WriteResult(View(current, type), Created: false, Deleted: false, Changed: false);
            }
        }
    }

    /// <summary>Every object of a kind, in key order (a snapshot).</summary>
    public List<StoredObject> All(ResourceType type)
    {
        lock (_lock)
        {
            return [.. Objects(type).Values.Select(o => View(o, type)!)];
        }
    }

    /// <summary>
    /// Opens a watch. Without a resourceVersion (or "0"), or when <paramref name="initialEvents"/> is asked
    /// (sendInitialEvents=true), it starts with synthetic ADDED events for the current objects (the latter then
    /// sends the initial-events-end BOOKMARK); with a resourceVersion it replays the history after it, or fails
    /// with 410 Expired when that is gone.
    /// </summary>
    public WatchSubscription Watch(ResourceType type, ObjectFilter filter, long? fromResourceVersion, bool bookmarks, bool initialEvents = false)
    {
        var sub = new WatchSubscription(type, filter, bookmarks);
        lock (_lock)
        {
            if (fromResourceVersion is null or 0 || initialEvents)
            {
                foreach (var obj in Objects(type).Values)
                {
                    sub.OfferInitial(View(obj, type)!);
                }

                if (initialEvents)
                {
                    sub.OfferBookmark(_resourceVersion, initialEventsEnd: true);
                }
            }
            else
            {
                var history = History(type);
                var events = history.After(fromResourceVersion.Value);
                if (events is null)
                {
                    sub.Fail(ApiError.Expired($"too old resource version: {fromResourceVersion} ({history.Floor + 1})"));
                    return sub;
                }

                events.ForEach(e => sub.Offer(e.As(type, View)));
            }

            Watchers(type).Add(sub);
        }

        return sub;
    }

    public void Unwatch(WatchSubscription sub)
    {
        lock (_lock)
        {
            Watchers(sub.Type).Remove(sub);
        }
    }

    /// <summary>Sends a BOOKMARK at the current resourceVersion to one watch (if it asked for bookmarks).</summary>
    public void Bookmark(WatchSubscription sub)
    {
        lock (_lock)
        {
            sub.OfferBookmark(_resourceVersion);
        }
    }

    /// <summary>Applies <paramref name="action"/> to every open watch, under the lock.</summary>
    public void ForEachWatch(Action<WatchSubscription> action)
    {
        lock (_lock)
        {
            foreach (var sub in _watches.Values.SelectMany(w => w).ToList())
            {
                action(sub);
            }
        }
    }

    /// <summary>Drops every history, so resuming from any resourceVersion older than the current one is 410.</summary>
    public void CompactHistory()
    {
        lock (_lock)
        {
            foreach (var type in ResourceCatalog.All)
            {
                History(type).Compact(_resourceVersion);
            }
        }
    }

    private static bool Unchanged(StoredObject current, JsonObject next)
    {
        // Semantic comparison (property order does not matter), cheaper than serializing the candidate.
        Meta.Metadata(next)["resourceVersion"] = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        return JsonNode.DeepEquals(current.ToNode(), next);
    }

    /// <summary><paramref name="stored"/> as <paramref name="type"/> serves it: itself, or converted from the shared storage form.</summary>
    private static StoredObject? View(StoredObject? stored, ResourceType type) =>
        stored is null || stored.Type == type
            ? stored
            : new StoredObject(type, EventConversion.Convert(stored.ToNode(), type), stored.ResourceVersion);

    private StoredObject Stamp(ResourceType type, JsonObject node, bool checkSize = false)
    {
        var rv = _resourceVersion + 1;
        Meta.Metadata(node)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        var stored = new StoredObject(type, node, rv);
        if (checkSize && stored.Json.Length > MaxObjectBytes)
        {
            // What kube-apiserver answers when etcd refuses the write (the error is not mapped to a 4xx: kubernetes#112152).
            throw ApiError.RequestTooLarge();
        }

        _resourceVersion = rv;
        return stored;
    }

    private void Publish(WatchEvent e)
    {
        History(e.Object.Type).Add(e);
        foreach (var sub in Watchers(e.Object.Type))
        {
            sub.Offer(e.As(sub.Type, View));
        }
    }

    private SortedDictionary<string, StoredObject> Objects(ResourceType type) =>
        _objects.TryGetValue(type.StorageKey, out var map) ? map : _objects[type.StorageKey] = new(StringComparer.Ordinal);

    private WatchHistory History(ResourceType type) =>
        _histories.TryGetValue(type.StorageKey, out var h) ? h : _histories[type.StorageKey] = new WatchHistory(_historySize);

    private List<WatchSubscription> Watchers(ResourceType type) =>
        _watches.TryGetValue(type.StorageKey, out var w) ? w : _watches[type.StorageKey] = [];
}
