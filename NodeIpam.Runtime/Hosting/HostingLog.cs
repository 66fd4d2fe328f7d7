using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Hosting;

/// <summary>The hosting layer's structured log messages.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Burst over: heap compacted from {BeforeMegabytes} MB to {AfterMegabytes} MB")]
    public static partial void MemoryTrimmed(ILogger logger, long beforeMegabytes, long afterMegabytes);
}
