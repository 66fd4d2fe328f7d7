using System.Text;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Storage;

/// <summary>
/// One change to one object, kept in the history and handed to every watcher of the resource. The wire frame
/// for each event type is built at most once and shared by all watchers.
/// </summary>
internal sealed class WatchEvent
{
    private byte[]? _added;
    private byte[]? _modified;
    private byte[]? _deleted;
    private WatchEvent? _converted;

    public WatchEvent(string type, StoredObject current, StoredObject? previous)
    {
        Type = type;
        Object = current;
        Previous = previous;
    }

    /// <summary>ADDED, MODIFIED or DELETED.</summary>
    public string Type { get; }

    /// <summary>The object after the change (for DELETED: its last state at the deletion's resourceVersion).</summary>
    public StoredObject Object { get; }

    /// <summary>The object before a MODIFIED change, so selector watchers can see objects enter or leave.</summary>
    public StoredObject? Previous { get; }

    public long ResourceVersion => Object.ResourceVersion;

    /// <summary>
    /// This change as watchers of <paramref name="type"/> see it: itself, or (for a resource sharing another's
    /// storage) the objects converted by <paramref name="view"/>, built once and shared by those watchers.
    /// Called under the store's lock.
    /// </summary>
    public WatchEvent As(ResourceType type, Func<StoredObject?, ResourceType, StoredObject?> view)
    {
        if (Object.Type == type)
        {
            return this;
        }

        if (_converted?.Object.Type != type)
        {
            _converted = new WatchEvent(Type, view(Object, type)!, view(Previous, type));
        }

        return _converted;
    }

    /// <summary>The newline-terminated JSON frame <c>{"type":...,"object":...}</c> for the given event type.</summary>
    public byte[] Frame(string type) => type switch
    {
        "ADDED" => _added ??= Build(type, Object.Json),
        "MODIFIED" => _modified ??= Build(type, Object.Json),
        _ => _deleted ??= Build(type, Object.Json),
    };

    public static byte[] Build(string type, byte[] objectJson)
    {
        var head = Encoding.UTF8.GetBytes("{\"type\":\"" + type + "\",\"object\":");
        var frame = new byte[head.Length + objectJson.Length + 2];
        head.CopyTo(frame, 0);
        objectJson.CopyTo(frame, head.Length);
        frame[^2] = (byte)'}';
        frame[^1] = (byte)'\n';
        return frame;
    }
}
