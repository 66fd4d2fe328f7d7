using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Faults;

/// <summary>The Status an injected failure answers, with the reason the API server uses for that code.</summary>
internal static class FaultStatus
{
    public static ApiError For(int code, string verb, string resource) => new(code, Reason(code), $"injected fault: {verb} {resource} answered {code}");

    private static string Reason(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };
}
