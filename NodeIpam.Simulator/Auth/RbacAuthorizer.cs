using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Http;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Auth;

/// <summary>
/// RBAC evaluation over the ClusterRoles, Roles and bindings stored in the simulator, like the API server's RBAC
/// authorizer: a request is allowed when some binding that names the identity grants a rule matching the verb,
/// API group, resource (with subresource), and name, or the verb and a non-resource URL (<c>nonResourceURLs</c>, with a
/// trailing <c>*</c> as a prefix; only ClusterRoles bound cluster-wide grant those). The simulator's own discovery,
/// OpenAPI and /version paths are open to every request; <see cref="Allows(Identity, AccessRequest)"/> still judges
/// a non-resource path by the rules, for SubjectAccessReviews.
/// </summary>
internal sealed class RbacAuthorizer(ObjectStore store)
{
    private static readonly ResourceType ClusterRoles = ResourceCatalog.Find("rbac.authorization.k8s.io", "v1", "clusterroles")!;
    private static readonly ResourceType ClusterRoleBindings = ResourceCatalog.Find("rbac.authorization.k8s.io", "v1", "clusterrolebindings")!;
    private static readonly ResourceType Roles = ResourceCatalog.Find("rbac.authorization.k8s.io", "v1", "roles")!;
    private static readonly ResourceType RoleBindings = ResourceCatalog.Find("rbac.authorization.k8s.io", "v1", "rolebindings")!;

    public bool Allows(Identity identity, RequestInfo request) => Allows(identity, AccessRequest.From(request));

    public bool Allows(Identity identity, AccessRequest request)
    {
        if (identity.IsAdmin)
        {
            return true;
        }

        foreach (var binding in store.All(ClusterRoleBindings).Select(b => b.ToNode()).Where(b => Names(b, identity)))
        {
            if (Rules(binding, "").Any(r => Matches(r, request)))
            {
                return true;
            }
        }

        if (request.Namespace.Length == 0)
        {
            return false;
        }

        return store.All(RoleBindings).Where(b => b.Namespace == request.Namespace).Select(b => b.ToNode())
            .Where(b => Names(b, identity))
            .Any(b => Rules(b, request.Namespace).Any(r => Matches(r, request)));
    }

    /// <summary>The API server's denial message.</summary>
    public static string Describe(Identity identity, RequestInfo request)
    {
        var resource = request.Subresource is null ? request.Type.Plural : $"{request.Type.Plural}/{request.Subresource}";
        var scope = request.Namespace.Length > 0 ? $"in the namespace \"{request.Namespace}\"" : "at the cluster scope";
        var name = request.Name.Length > 0 ? $"{request.Type.QualifiedPlural} \"{request.Name}\"" : request.Type.QualifiedPlural;
        return $"{name} is forbidden: User \"{identity.User}\" cannot {request.Verb} resource \"{resource}\" in API group \"{request.Type.Group}\" {scope}";
    }

    private static bool Names(JsonObject binding, Identity identity) =>
        binding["subjects"] is JsonArray subjects && subjects.OfType<JsonObject>().Any(s => Meta.String(s, "kind") switch
        {
            "ServiceAccount" => identity.User == $"system:serviceaccount:{Meta.String(s, "namespace") ?? Meta.Namespace(binding)}:{Meta.String(s, "name")}",
            "User" => identity.User == Meta.String(s, "name"),
            "Group" => identity.Groups.Contains(Meta.String(s, "name") ?? ""),
            _ => false,
        });

    private IEnumerable<JsonObject> Rules(JsonObject binding, string ns)
    {
        var roleRef = binding["roleRef"];
        var name = Meta.String(roleRef, "name") ?? "";
        var role = Meta.String(roleRef, "kind") == "Role"
            ? store.Get(Roles, ns, name)
            : store.Get(ClusterRoles, "", name);
        return role?.ToNode()["rules"] is JsonArray rules ? rules.OfType<JsonObject>() : [];
    }

    private static bool Matches(JsonObject rule, AccessRequest request)
    {
        if (request.Path is { } path)
        {
            return Has(rule["verbs"], request.Verb)
                && Strings(rule["nonResourceURLs"]).Any(url => url == path || (url.EndsWith('*') && path.StartsWith(url[..^1], StringComparison.Ordinal)));
        }

        var names = Strings(rule["resourceNames"]);
        return Has(rule["verbs"], request.Verb)
            && Has(rule["apiGroups"], request.Group)
            && (Has(rule["resources"], request.QualifiedResource) || (request.Subresource is not null && Strings(rule["resources"]).Contains($"*/{request.Subresource}")))
            && (names.Count == 0 || names.Contains(request.Name));
    }

    private static bool Has(JsonNode? list, string value)
    {
        var values = Strings(list);
        return values.Contains("*") || values.Contains(value);
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(n => n?.GetValue<string>() ?? "")] : [];
}
