using NodeIpam.Simulator.Http;

namespace NodeIpam.Simulator.Auth;

/// <summary>
/// What an RBAC check asks, as the API server's authorizer attributes: a verb on a resource (group, plural,
/// subresource, name, namespace), or a verb on a non-resource URL path (<see cref="Path"/> set).
/// </summary>
internal sealed record AccessRequest(
    string Verb,
    string Group = "",
    string Resource = "",
    string? Subresource = null,
    string Name = "",
    string Namespace = "",
    string? Path = null)
{
    public static AccessRequest From(RequestInfo request) =>
        new(request.Verb, request.Type.Group, request.Type.Plural, request.Subresource, request.Name, request.Namespace);

    /// <summary>The resource with its subresource, as RBAC rules name it: "services/status".</summary>
    public string QualifiedResource => Subresource is null ? Resource : $"{Resource}/{Subresource}";
}
