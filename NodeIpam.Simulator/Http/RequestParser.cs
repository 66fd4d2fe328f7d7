using Microsoft.AspNetCore.Http;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Http;

/// <summary>Parses /api/v1/... and /apis/group/version/... URLs into <see cref="RequestInfo"/>.</summary>
internal static class RequestParser
{
    /// <summary>The request info, or null when the path is not a resource path (discovery, openapi...).</summary>
    public static RequestInfo? Parse(HttpRequest request)
    {
        var parts = (request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        int rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var s = parts[rest..];
        var watchPath = s[0] == "watch";
        if (watchPath)
        {
            s = s[1..];
        }

        var ns = "";
        if (s.Length > 2 && s[0] == "namespaces" && !(s.Length == 3 && s[2] is "status" or "finalize"))
        {
            ns = s[1];
            s = s[2..];
        }

        if (s.Length is 0 or > 3)
        {
            return null;
        }

        var type = ResourceCatalog.Find(group, version, s[0]);
        if (type is null)
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        var name = s.Length > 1 ? s[1] : "";
        var sub = s.Length > 2 ? s[2] : null;
        if (sub is not null && !(sub == "status" && type.HasStatus))
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        var watch = watchPath || request.Query["watch"] is var w && (w == "true" || w == "1");
        var verb = request.Method switch
        {
            "GET" when watch => "watch",
            "GET" when name.Length > 0 => "get",
            "GET" => "list",
            "POST" when name.Length == 0 => "create",
            "PUT" when name.Length > 0 => "update",
            "PATCH" when name.Length > 0 => "patch",
            "DELETE" when name.Length > 0 => "delete",
            "DELETE" => "deletecollection",
            _ => throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource"),
        };
        return new RequestInfo(verb, type, type.Namespaced ? ns : "", name, sub);
    }
}
