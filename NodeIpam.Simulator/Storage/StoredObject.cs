using System.Text.Json;
using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Storage;

/// <summary>
/// An immutable stored object: its serialized JSON (served as is, so a LIST or a watch fan-out copies bytes and
/// never re-serializes) plus the few fields selectors need.
/// </summary>
internal sealed class StoredObject
{
    public StoredObject(ResourceType type, JsonObject node, long resourceVersion)
    {
        Type = type;
        Namespace = Meta.Namespace(node);
        Name = Meta.Name(node);
        ResourceVersion = resourceVersion;
        Labels = Meta.Labels(node);
        Json = JsonSerializer.SerializeToUtf8Bytes(node);
    }

    public ResourceType Type { get; }

    public string Namespace { get; }

    public string Name { get; }

    public long ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>UTF-8 JSON of the whole object, resourceVersion included.</summary>
    public byte[] Json { get; }

    /// <summary>Storage key inside a resource: namespace/name, which is also the LIST order.</summary>
    public string Key => KeyOf(Namespace, Name);

    /// <summary>A fresh mutable copy.</summary>
    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();

    public static string KeyOf(string ns, string name) => ns + "/" + name;
}
