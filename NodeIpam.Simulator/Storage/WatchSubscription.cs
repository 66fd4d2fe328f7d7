using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Selectors;

namespace NodeIpam.Simulator.Storage;

/// <summary>
/// One open watch: a queue of ready-to-write frames. Filled under the store's lock, so frames arrive in
/// resourceVersion order; drained by the HTTP handler.
/// </summary>
internal sealed class WatchSubscription
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _silent;

    public WatchSubscription(ResourceType type, ObjectFilter filter, bool bookmarks)
    {
        Type = type;
        Filter = filter;
        Bookmarks = bookmarks;
    }

    public ResourceType Type { get; }

    public ObjectFilter Filter { get; }

    public bool Bookmarks { get; }

    public ChannelReader<byte[]> Frames => _frames.Reader;

    /// <summary>
    /// Half-open: the connection stays up but nothing more is delivered, like a watch whose TCP peer vanished.
    /// </summary>
    public void Silence() => _silent = true;

    public void Close() => _frames.Writer.TryComplete();

    /// <summary>Queues an event, translated for this watcher's selectors (an object leaving the selection is DELETED for it).</summary>
    public void Offer(WatchEvent e)
    {
        var now = Filter.Matches(e.Object);
        var before = e.Previous is not null && Filter.Matches(e.Previous);
        var type = e.Type switch
        {
            "MODIFIED" when now && before => "MODIFIED",
            "MODIFIED" when now => "ADDED",
            "MODIFIED" when before => "DELETED",
            "ADDED" when now => "ADDED",
            "DELETED" when now => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            Send(e.Frame(type));
        }
    }

    /// <summary>Queues a synthetic ADDED for an object that exists when the watch starts.</summary>
    public void OfferInitial(StoredObject obj)
    {
        if (Filter.Matches(obj))
        {
            Send(WatchEvent.Build("ADDED", obj.Json));
        }
    }

    /// <summary>Queues a BOOKMARK; <paramref name="initialEventsEnd"/> marks the end of watch-list initial events.</summary>
    public void OfferBookmark(long resourceVersion, bool initialEventsEnd = false)
    {
        if (Bookmarks)
        {
            var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (initialEventsEnd)
            {
                metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            var obj = new JsonObject
            {
                ["kind"] = Type.Kind,
                ["apiVersion"] = Type.ApiVersion,
                ["metadata"] = metadata,
            };
            Send(WatchEvent.Build("BOOKMARK", Encoding.UTF8.GetBytes(obj.ToJsonString())));
        }
    }

    /// <summary>Queues an ERROR event carrying a Status, then ends the watch.</summary>
    public void Fail(ApiError error)
    {
        Send(WatchEvent.Build("ERROR", Encoding.UTF8.GetBytes(error.ToStatus().ToJsonString())));
        Close();
    }

    private void Send(byte[] frame)
    {
        if (!_silent)
        {
            _frames.Writer.TryWrite(frame);
        }
    }
}
