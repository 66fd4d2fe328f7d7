using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// Who may scrape /metrics, decided by the cluster as controller-runtime's <c>WithAuthenticationAndAuthorization</c>
/// filter does: the bearer token goes to a <c>TokenReview</c>, the user it names to a <c>SubjectAccessReview</c> for
/// verb <c>get</c> on the non-resource URL <c>/metrics</c> (what the <c>metrics-reader</c> ClusterRole grants).
/// No token or a token the cluster rejects: 401; a user without the permission: 403; the API unreachable or
/// refusing the review: 500 (not cached, logged once per scrape). Decisions are cached per token
/// (<see cref="RuntimeDefaults.MetricsAuthAllowedTtl"/>, <see cref="RuntimeDefaults.MetricsAuthDeniedTtl"/>), keyed by
/// the token's SHA-256 so the cache holds no token.
/// </summary>
internal sealed class MetricsAuthorizer(Func<IKubernetes> client, TimeProvider time, ILogger logger)
{
    /// <summary>The path the SubjectAccessReview asks about.</summary>
    public const string Path = "/metrics";

    private const string Verb = "get";

    private readonly ConcurrentDictionary<string, (MetricsAccess Access, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    private int _reviews;

    /// <summary>Reviews made so far (TokenReviews; tests count them to see the cache work).</summary>
    public int Reviews => _reviews;

    public async Task<MetricsAccess> CheckAsync(string? authorization, CancellationToken cancellationToken)
    {
        var token = BearerToken(authorization);
        if (token is null)
        {
            return new MetricsAccess(401, "Unauthorized: send a service account token as \"Authorization: Bearer <token>\"");
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Access;
        }

        MetricsAccess access;
        try
        {
            access = await ReviewAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = e.Message.ReplaceLineEndings(" ");
            MetricsLog.ReviewFailed(logger, error);
            return new MetricsAccess(500, $"Internal Server Error: cannot review the token: {error}");
        }

        Remember(key, access, now + (access.Allowed ? RuntimeDefaults.MetricsAuthAllowedTtl : RuntimeDefaults.MetricsAuthDeniedTtl), now);
        return access;
    }

    private async Task<MetricsAccess> ReviewAsync(string token, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reviews);
        var api = client();
        var review = await api.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (review.Status is not { Authenticated: true, User: { } user })
        {
            var why = string.IsNullOrWhiteSpace(review.Status?.Error) ? "the token is not valid" : review.Status.Error.ReplaceLineEndings(" ");
            return new MetricsAccess(401, $"Unauthorized: {why}");
        }

        var access = await api.AuthorizationV1.CreateSubjectAccessReviewAsync(
            new V1SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = user.Username,
                    Uid = user.Uid,
                    Groups = user.Groups,
                    Extra = user.Extra,
                    NonResourceAttributes = new V1NonResourceAttributes { Path = Path, Verb = Verb },
                },
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (access.Status?.Allowed == true)
        {
            return MetricsAccess.Granted;
        }

        var reason = string.IsNullOrWhiteSpace(access.Status?.Reason) ? string.Empty : $" ({access.Status.Reason.ReplaceLineEndings(" ")})";
        return new MetricsAccess(403, $"Forbidden: user \"{user.Username}\" may not {Verb} {Path}{reason}; bind it to the metrics-reader ClusterRole");
    }

    private void Remember(string key, MetricsAccess access, DateTimeOffset expires, DateTimeOffset now)
    {
        if (_cache.Count >= RuntimeDefaults.MetricsAuthCacheSize)
        {
            foreach (var (k, entry) in _cache)
            {
                if (entry.Expires <= now)
                {
                    _cache.TryRemove(k, out _);
                }
            }

            if (_cache.Count >= RuntimeDefaults.MetricsAuthCacheSize)
            {
                return;
            }
        }

        _cache[key] = (access, expires);
    }

    private static string? BearerToken(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
