using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Informers;

/// <summary>The informers' structured log messages.</summary>
internal static partial class InformerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind}: listed {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(this ILogger logger, string kind, int count, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind}: resourceVersion {ResourceVersion} is gone (410: {Reason}); relisting")]
    public static partial void Relisting(this ILogger logger, string kind, string? resourceVersion, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind}: the continue token of a paginated list expired (410); restarting the list")]
    public static partial void ListContinueExpired(this ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: list/watch failed; retrying in {Delay}")]
    public static partial void ListWatchFailed(this ILogger logger, string kind, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: no event or bookmark for {IdleTimeout}; the watch looks half-open, re-opening it from resourceVersion {ResourceVersion}")]
    public static partial void WatchIdle(this ILogger logger, string kind, TimeSpan idleTimeout, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind}: watch from resourceVersion {ResourceVersion} ended after {Events} events; re-watching")]
    public static partial void WatchEnded(this ILogger logger, string kind, string? resourceVersion, int events);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind}: {EventType} {Key} at resourceVersion {ResourceVersion}")]
    public static partial void WatchEvent(this ILogger logger, string kind, string eventType, ObjectKey key, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind}: bookmark at resourceVersion {ResourceVersion}")]
    public static partial void Bookmark(this ILogger logger, string kind, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: skipped an object the client cannot read")]
    public static partial void BadObject(this ILogger logger, string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: skipped an unknown watch event type {EventType}")]
    public static partial void UnknownEventType(this ILogger logger, string kind, string? eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: the transform failed for {Key}; caching it untransformed")]
    public static partial void TransformFailed(this ILogger logger, string kind, ObjectKey key, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind}: the cache adapter failed for {Key}; the object is left out of the cache until it changes")]
    public static partial void AdapterFailed(this ILogger logger, string kind, ObjectKey key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: index {Index} failed for {Key}; the object is left out of that index")]
    public static partial void IndexFailed(this ILogger logger, string kind, string index, ObjectKey key, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind}: an event handler threw on {Notification} of {Key}; the informer carries on")]
    public static partial void HandlerFailed(this ILogger logger, string kind, string notification, ObjectKey key, Exception exception);
}
