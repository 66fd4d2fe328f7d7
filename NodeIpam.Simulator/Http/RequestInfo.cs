using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Http;

/// <summary>A parsed resource request, like the API server's RequestInfo.</summary>
/// <param name="Verb">get, list, watch, create, update, patch, delete or deletecollection.</param>
/// <param name="Type">The addressed kind.</param>
/// <param name="Namespace">Namespace from the URL; empty for cluster-scoped or all-namespace requests.</param>
/// <param name="Name">Object name; empty for collection requests.</param>
/// <param name="Subresource">status, or null.</param>
internal sealed record RequestInfo(string Verb, ResourceType Type, string Namespace, string Name, string? Subresource);
