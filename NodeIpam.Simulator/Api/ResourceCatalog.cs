namespace NodeIpam.Simulator.Api;

/// <summary>The fixed table of kinds the simulator serves, and lookups into it.</summary>
internal static class ResourceCatalog
{
    /// <summary>Every served kind. One line per kind; order is discovery order.</summary>
    public static readonly IReadOnlyList<ResourceType> All =
    [
        new("", "v1", "Namespace", "namespaces", Namespaced: false, HasStatus: true, ShortNames: "ns"),
        new("", "v1", "Node", "nodes", Namespaced: false, HasStatus: true, ShortNames: "no"),
        new("", "v1", "Service", "services", Namespaced: true, HasStatus: true, ResetStatusOnCreate: true, ShortNames: "svc"),
        new("", "v1", "Endpoints", "endpoints", Namespaced: true, AllowCreateOnUpdate: true, ShortNames: "ep"),
        new("", "v1", "Event", "events", Namespaced: true, AllowCreateOnUpdate: true, ShortNames: "ev"),
        new("", "v1", "ConfigMap", "configmaps", Namespaced: true, ShortNames: "cm"),
        new("", "v1", "Secret", "secrets", Namespaced: true),
        new("", "v1", "ServiceAccount", "serviceaccounts", Namespaced: true, ShortNames: "sa"),
        new("", "v1", "Pod", "pods", Namespaced: true, HasStatus: true, ResetStatusOnCreate: true, ShortNames: "po"),
        new("apps", "v1", "Deployment", "deployments", Namespaced: true, HasStatus: true, HasGeneration: true, ResetStatusOnCreate: true, ShortNames: "deploy"),
        new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", Namespaced: true),
        new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true, AllowCreateOnUpdate: true),
        new("events.k8s.io", "v1", "Event", "events", Namespaced: true, AllowCreateOnUpdate: true, StoredAs: "/events"),
        new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", Namespaced: false),
        new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", Namespaced: false),
        new("rbac.authorization.k8s.io", "v1", "Role", "roles", Namespaced: true),
        new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", Namespaced: true),
        new("authentication.k8s.io", "v1", "TokenReview", "tokenreviews", Namespaced: false, ReviewOnly: true),
        new("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", Namespaced: false, ReviewOnly: true),
    ];

    private static readonly Dictionary<(string Group, string Version, string Plural), ResourceType> ByPath =
        All.ToDictionary(r => (r.Group, r.Version, r.Plural));

    private static readonly Dictionary<(string ApiVersion, string Kind), ResourceType> ByKind =
        All.ToDictionary(r => (r.ApiVersion, r.Kind));

    /// <summary>The served group versions, core first, in discovery order.</summary>
    public static IEnumerable<(string Group, string Version)> GroupVersions =>
        All.Select(r => (r.Group, r.Version)).Distinct();

    /// <summary>Finds a kind by its URL coordinates.</summary>
    public static ResourceType? Find(string group, string version, string plural) =>
        ByPath.GetValueOrDefault((group, version, plural));

    /// <summary>Finds a kind by the apiVersion and kind written in an object.</summary>
    public static ResourceType? FindByKind(string apiVersion, string kind) =>
        ByKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>The kind whose form is stored for <paramref name="type"/> (itself unless it shares another's storage).</summary>
    public static ResourceType StorageType(ResourceType type) =>
        type.StoredAs is null ? type : All.First(r => r.ResourceKey == type.StoredAs);

    /// <summary>The namespace kind, needed for namespace existence checks.</summary>
    public static ResourceType Namespaces { get; } = All[0];
}
