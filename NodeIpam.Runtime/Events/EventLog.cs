using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Events;

/// <summary>The event recorder's structured log messages.</summary>
internal static partial class EventLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "event {Reason} about {Kind} {Name} dropped: the object's event rate limit is spent")]
    public static partial void RateLimited(this ILogger logger, string reason, string kind, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event {Reason} about {Kind} {Name} dropped: {Pending} events are already waiting to be sent")]
    public static partial void QueueFull(this ILogger logger, string reason, string kind, string name, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event {Reason} not recorded: {Problem}")]
    public static partial void Invalid(this ILogger logger, string? reason, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sending event {Namespace}/{Name} failed; it is dropped")]
    public static partial void SendFailed(this ILogger logger, string @namespace, string name, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "sent event {Namespace}/{Name} (series count {Count})")]
    public static partial void Sent(this ILogger logger, string @namespace, string name, int count);
}
