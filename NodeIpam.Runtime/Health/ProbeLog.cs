using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>The probe endpoint's structured log messages.</summary>
internal static partial class ProbeLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Serving {Paths} on {Address}")]
    public static partial void Serving(ILogger logger, string paths, string address);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Path} failed: {Report}")]
    public static partial void CheckFailed(ILogger logger, string path, string report);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Probe endpoint: accepting a connection failed ({Error}); still listening")]
    public static partial void AcceptFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Probe endpoint: answering a request failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception);
}
