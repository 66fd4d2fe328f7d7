using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Registry;

namespace NodeIpam.Simulator;

/// <summary>
/// Direct access to the simulator's objects without HTTP, for seeding tests and benchmarks. Writes go through
/// the same registry as HTTP writes (resourceVersion, uid, defaults, validation, watch events), except that
/// Create and Upsert keep the status they are given (seeding needs Node addresses, Service ingress...).
/// Failures throw <see cref="InvalidOperationException"/> carrying the API server's message.
/// Namespaced objects without a namespace go to "default".
/// </summary>
public sealed class SimulatorStore
{
    private static readonly WriteOptions Seeding = new(KeepStatus: true);
    private readonly ResourceRegistry _registry;

    internal SimulatorStore(ResourceRegistry registry) => _registry = registry;

    /// <summary>The newest resourceVersion handed out.</summary>
    public long ResourceVersion => _registry.Store.CurrentResourceVersion;

    /// <summary>Creates a typed object; returns it as stored.</summary>
    public T Create<T>(T obj) where T : IKubernetesObject => FromJson<T>(CreateJson(KubernetesJson.Serialize(obj), TypeOf<T>()));

    /// <summary>Creates it, or replaces the stored one (status included) when it exists.</summary>
    public T Upsert<T>(T obj) where T : IKubernetesObject => FromJson<T>(UpsertJson(KubernetesJson.Serialize(obj), TypeOf<T>()));

    /// <summary>Writes only the status, like a PUT to /status without a resourceVersion.</summary>
    public T UpdateStatus<T>(T obj) where T : IKubernetesObject
    {
        var type = TypeOf<T>();
        var node = Parse(KubernetesJson.Serialize(obj), type);
        var ns = ObjectPreparation.DefaultNamespace(type, node);
        return FromJson<T>(Run(() => _registry.Update(type, ns, Meta.Name(node), "status", node, WriteOptions.Default)));
    }

    /// <summary>Deletes like an HTTP DELETE (finalizers keep it, marked deleting). False when it did not exist.</summary>
    public bool Delete<T>(string name, string? ns = null) where T : IKubernetesObject
    {
        var type = TypeOf<T>();
        if (_registry.Store.Get(type, type.Namespaced ? ns ?? "default" : "", name) is null)
        {
            return false;
        }

        Run(() => _registry.Delete(type, type.Namespaced ? ns ?? "default" : "", name, null, WriteOptions.Default).Object);
        return true;
    }

    /// <summary>The stored object, or null.</summary>
    public T? Get<T>(string name, string? ns = null) where T : class, IKubernetesObject
    {
        var type = TypeOf<T>();
        var stored = _registry.Store.Get(type, type.Namespaced ? ns ?? "default" : "", name);
        return stored is null ? null : KubernetesJson.Deserialize<T>(Encoding.UTF8.GetString(stored.Json));
    }

    /// <summary>Every stored object of the kind (in one namespace when given).</summary>
    public IReadOnlyList<T> List<T>(string? ns = null) where T : IKubernetesObject =>
        [.. _registry.Store.All(TypeOf<T>()).Where(o => ns is null || o.Namespace == ns).Select(o => KubernetesJson.Deserialize<T>(Encoding.UTF8.GetString(o.Json)))];

    /// <summary>Creates an object given as JSON (apiVersion and kind required); returns the stored JSON.</summary>
    public string CreateJson(string json) => CreateJson(json, null);

    /// <summary>Creates or replaces an object given as JSON; returns the stored JSON.</summary>
    public string UpsertJson(string json) => UpsertJson(json, null);

    private string CreateJson(string json, ResourceType? type)
    {
        var node = Parse(json, type);
        type ??= Resolve(node);
        return Encoding.UTF8.GetString(Run(() => _registry.Create(type, ObjectPreparation.DefaultNamespace(type, node), node, Seeding)).Json);
    }

    private string UpsertJson(string json, ResourceType? type)
    {
        var node = Parse(json, type);
        type ??= Resolve(node);
        var ns = ObjectPreparation.DefaultNamespace(type, node);
        var name = Meta.Name(node);
        if (_registry.Store.Get(type, ns, name) is null)
        {
            return Encoding.UTF8.GetString(Run(() => _registry.Create(type, ns, node, Seeding)).Json);
        }

        Meta.Metadata(node).Remove("resourceVersion");
        return Encoding.UTF8.GetString(Run(() => _registry.Update(type, ns, name, null, node, Seeding)).Json);
    }

    private static JsonObject Parse(string json, ResourceType? type)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("not a JSON object", nameof(json));
        if (type is not null)
        {
            node["apiVersion"] = type.ApiVersion;
            node["kind"] = type.Kind;
        }

        return node;
    }

    private static ResourceType Resolve(JsonObject node) =>
        ResourceCatalog.FindByKind(Meta.String(node, "apiVersion") ?? "", Meta.String(node, "kind") ?? "")
        ?? throw new ArgumentException($"the simulator does not serve {Meta.String(node, "apiVersion")} {Meta.String(node, "kind")}");

    private static ResourceType TypeOf<T>()
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{typeof(T).Name} has no KubernetesEntity attribute");
        return ResourceCatalog.Find(entity.Group, entity.ApiVersion, entity.PluralName)
            ?? throw new ArgumentException($"the simulator does not serve {entity.Group}/{entity.ApiVersion} {entity.PluralName}");
    }

    private static T FromJson<T>(string json) => KubernetesJson.Deserialize<T>(json);

    private static T FromJson<T>(Storage.StoredObject stored) => KubernetesJson.Deserialize<T>(Encoding.UTF8.GetString(stored.Json));

    private static TResult Run<TResult>(Func<TResult> write)
    {
        try
        {
            return write();
        }
        catch (ApiError e)
        {
            throw new InvalidOperationException($"{e.Code} {e.Reason}: {e.Message}", e);
        }
    }
}
