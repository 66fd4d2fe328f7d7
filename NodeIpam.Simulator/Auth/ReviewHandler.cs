using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Http;

namespace NodeIpam.Simulator.Auth;

/// <summary>
/// <c>POST tokenreviews</c> and <c>POST subjectaccessreviews</c>, answered like the API server and never stored:
/// a TokenReview authenticates <c>spec.token</c> against the tokens the simulator knows (<see cref="SimulatorRbac"/>);
/// a SubjectAccessReview judges <c>spec.user</c>/<c>spec.groups</c> and the resource or non-resource attributes
/// with the stored RBAC rules (<see cref="RbacAuthorizer"/>). The request's body comes back with a <c>status</c>.
/// </summary>
internal sealed class ReviewHandler(SimulatorRbac rbac, RbacAuthorizer authorizer)
{
    public async Task HandleAsync(HttpContext ctx, RequestInfo info)
    {
        if (info.Verb != "create")
        {
            throw ApiError.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        var review = await BodyReader.ReadObjectAsync(ctx.Request);
        var spec = review["spec"] as JsonObject ?? throw new ApiError(422, "Invalid", $"{info.Type.Kind}.{info.Type.Group} is invalid: spec: Required value");
        review["status"] = info.Type.Plural == "tokenreviews" ? TokenStatus(spec) : AccessStatus(info, spec);
        review["apiVersion"] = info.Type.ApiVersion;
        review["kind"] = info.Type.Kind;
        await Responses.WriteJsonAsync(ctx, 201, review);
    }

    private JsonObject TokenStatus(JsonObject spec)
    {
        var token = Meta.String(spec, "token");
        if (string.IsNullOrEmpty(token))
        {
            throw new ApiError(422, "Invalid", "TokenReview.authentication.k8s.io \"\" is invalid: spec.token: Required value");
        }

        if (rbac.AuthenticateToken(token) is not { } identity)
        {
            return new JsonObject { ["authenticated"] = false, ["error"] = "invalid bearer token" };
        }

        return new JsonObject
        {
            ["authenticated"] = true,
            ["user"] = new JsonObject
            {
                ["username"] = identity.User,
                ["groups"] = new JsonArray([.. identity.Groups.Select(g => (JsonNode?)g)]),
            },
        };
    }

    private JsonObject AccessStatus(RequestInfo info, JsonObject spec)
    {
        var user = Meta.String(spec, "user") ?? "";
        var groups = spec["groups"] is JsonArray list ? list.Select(g => g?.GetValue<string>() ?? "").ToList() : [];
        if (user.Length == 0 && groups.Count == 0)
        {
            throw new ApiError(422, "Invalid", $"{info.Type.Kind}.{info.Type.Group} \"\" is invalid: spec.user: Invalid value: \"\": at least one of user or group must be specified");
        }

        var request = Request(spec) ?? throw new ApiError(
            422, "Invalid", $"{info.Type.Kind}.{info.Type.Group} \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified");
        var allowed = authorizer.Allows(new Identity(user, groups), request);
        var status = new JsonObject { ["allowed"] = allowed };
        if (!allowed)
        {
            status["reason"] = request.Path is { } path
                ? $"no RBAC rule lets user \"{user}\" {request.Verb} {path}"
                : $"no RBAC rule lets user \"{user}\" {request.Verb} {request.QualifiedResource}";
        }

        return status;
    }

    private static AccessRequest? Request(JsonObject spec)
    {
        if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            return new AccessRequest(Meta.String(nonResource, "verb") ?? "", Path: Meta.String(nonResource, "path") ?? "");
        }

        if (spec["resourceAttributes"] is JsonObject resource)
        {
            return new AccessRequest(
                Meta.String(resource, "verb") ?? "",
                Meta.String(resource, "group") ?? "",
                Meta.String(resource, "resource") ?? "",
                Meta.String(resource, "subresource") is { Length: > 0 } sub ? sub : null,
                Meta.String(resource, "name") ?? "",
                Meta.String(resource, "namespace") ?? "");
        }

        return null;
    }
}
