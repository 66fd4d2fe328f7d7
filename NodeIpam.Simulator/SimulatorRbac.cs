using System.Collections.Concurrent;
using NodeIpam.Simulator.Auth;

namespace NodeIpam.Simulator;

/// <summary>
/// Optional RBAC enforcement from the ClusterRoles, Roles and bindings stored in the simulator (apply the
/// operator's manifests, then switch <see cref="Enforce"/> on). Requests authenticate with a bearer token:
/// the kubeconfig's default token is the cluster admin; map other tokens to service accounts or users.
/// A denied request gets 403 Forbidden and is recorded in <see cref="Denials"/>. Off by default. TokenReviews and
/// SubjectAccessReviews are answered from the same tokens and rules whether or not requests are enforced.
/// </summary>
public sealed class SimulatorRbac
{
    /// <summary>The token <see cref="KubeApiSimulator.WriteKubeconfig"/> and ClientConfiguration use by default.</summary>
    public const string AdminToken = "simulator";

    private readonly ConcurrentDictionary<string, Identity> _tokens = new(StringComparer.Ordinal) { [AdminToken] = Identity.Admin };
    private readonly ConcurrentQueue<string> _denials = new();

    /// <summary>Whether requests are authorized; when off every request is allowed.</summary>
    public bool Enforce { get; set; }

    /// <summary>Denial messages since the last <see cref="ClearDenials"/>, in order.</summary>
    public IReadOnlyList<string> Denials => [.. _denials];

    /// <summary>Makes <paramref name="token"/> authenticate as the service account <paramref name="ns"/>/<paramref name="name"/>.</summary>
    public void AddServiceAccountToken(string token, string ns, string name) => _tokens[token] = Identity.ServiceAccount(ns, name);

    /// <summary>Makes <paramref name="token"/> authenticate as a user with groups.</summary>
    public void AddUserToken(string token, string user, params string[] groups) =>
        _tokens[token] = new Identity(user, [.. groups, "system:authenticated"]);

    public void ClearDenials() => _denials.Clear();

    /// <summary>The identity of a bearer token, or null when unknown.</summary>
    internal Identity? Authenticate(string? authorization) =>
        authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? AuthenticateToken(header[7..].Trim()) : null;

    /// <summary>The identity a token stands for (the TokenReview answer), or null when unknown.</summary>
    internal Identity? AuthenticateToken(string token) => _tokens.TryGetValue(token, out var id) ? id : null;

    internal void RecordDenial(string message) => _denials.Enqueue(message);
}
