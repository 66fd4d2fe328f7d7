using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>The probe and metrics endpoints' structured log messages.</summary>
internal static partial class ProbeLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Serving {Paths} on {Address}")]
    public static partial void Serving(ILogger logger, string paths, Uri address);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Path} failed: {Report}")]
    public static partial void CheckFailed(ILogger logger, string path, string report);
}
