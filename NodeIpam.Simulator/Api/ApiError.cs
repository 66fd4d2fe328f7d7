using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Api;

/// <summary>
/// A failure answered to the client as a <c>Status</c> object, exactly as the API server shapes it.
/// Thrown anywhere below the HTTP layer; the dispatcher turns it into the response.
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    /// <summary>The Status object for the response body or a watch ERROR event.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason.Length > 0)
        {
            // An error the API server did not shape as a Status (an etcd error) has no reason.
            status["reason"] = Reason;
        }

        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    public static ApiError NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", Describe(type, name));

    public static ApiError NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiError AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", Describe(type, name));

    public static ApiError Conflict(ResourceType type, string name, string why = "the object has been modified; please apply your changes to the latest version and try again") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": {why}", Describe(type, name));

    /// <summary>etcd refused the write for its size: 500 with etcd's own text and no reason, as kube-apiserver answers.</summary>
    public static ApiError RequestTooLarge() => new(500, string.Empty, "etcdserver: request is too large");

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static ApiError Expired(string message) => new(410, "Expired", message);

    public static ApiError Gone(string message) => new(410, "Gone", message);

    /// <summary>422 Invalid with one cause per field error, message formatted like the API server's.</summary>
    public static ApiError Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var causes = new JsonArray();
        foreach (var e in errors)
        {
            causes.Add(new JsonObject { ["reason"] = e.Reason, ["message"] = e.Message, ["field"] = e.Field });
        }

        var details = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Kind, ["causes"] = causes };
        var joined = errors.Count == 1
            ? errors[0].ToString()
            : "[" + string.Join(", ", errors.Select(e => e.ToString())) + "]";
        return new ApiError(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {joined}", details);
    }

    private static JsonObject Describe(ResourceType type, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        return details;
    }
}
