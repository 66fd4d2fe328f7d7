namespace NodeIpam.Simulator.Api;

/// <summary>
/// One served kind: everything the generic handlers need to know about it. Adding a kind is one
/// <see cref="ResourceCatalog"/> line.
/// </summary>
/// <param name="Group">API group, empty for the core group.</param>
/// <param name="Version">API version inside the group.</param>
/// <param name="Kind">Kind, e.g. Service.</param>
/// <param name="Plural">Resource name used in URLs, e.g. services.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="HasStatus">Whether a /status subresource exists (then a write to the object ignores status).</param>
/// <param name="HasGeneration">Whether metadata.generation is kept (bumped when spec changes).</param>
/// <param name="ResetStatusOnCreate">Whether a create drops the status the client sent (Services, Deployments; not Nodes).</param>
/// <param name="AllowCreateOnUpdate">Whether PUT of a missing object creates it (Leases, Events, Endpoints).</param>
/// <param name="ReviewOnly">A review kind (TokenReview, SubjectAccessReview): create only, answered and never stored.</param>
/// <param name="StoredAs">The resource (group/plural) whose storage this one shares, converted on every read and write
/// (events.k8s.io/v1 Events are core/v1 Events seen through another API, as on a real server); null for its own.</param>
/// <param name="ShortNames">kubectl short names.</param>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    bool HasStatus = false,
    bool HasGeneration = false,
    bool ResetStatusOnCreate = false,
    bool AllowCreateOnUpdate = false,
    bool ReviewOnly = false,
    string? StoredAs = null,
    params string[] ShortNames)
{
    /// <summary>apiVersion as written in objects: "v1" or "group/version".</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Kind of the list type, e.g. ServiceList.</summary>
    public string ListKind => Kind + "List";

    /// <summary>Singular resource name for discovery.</summary>
    public string Singular => Kind.ToLowerInvariant();

    /// <summary>The qualified resource used in error messages: "services" or "leases.coordination.k8s.io".</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>kubectl categories: the kinds `kubectl get all` lists, as on a real server.</summary>
    public IReadOnlyList<string> Categories => ResourceKey is "/services" or "/pods" or "apps/deployments" ? ["all"] : [];

    /// <summary>The group/resource, the key of per-resource behaviour (strategies, selectable fields, columns).</summary>
    public string ResourceKey => $"{Group}/{Plural}";

    /// <summary>Storage key shared by every version of a group/resource and by resources stored with it.</summary>
    public string StorageKey => StoredAs ?? ResourceKey;
}
