using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Controllers;

/// <summary>The controller host's structured log messages.</summary>
internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Controller {Controller}: waiting for caches to sync")]
    public static partial void WaitingForSync(ILogger logger, string controller);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Controller {Controller}: caches synced; waiting for leadership")]
    public static partial void WaitingForLeadership(ILogger logger, string controller);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Controller {Controller}: starting {Workers} worker(s)")]
    public static partial void StartingWorkers(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Controller {Controller}: stopped (shutdown or leadership lost)")]
    public static partial void Stopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Controller {Controller}: {Key} is no longer in the cache; nothing to reconcile")]
    public static partial void ObjectGone(ILogger logger, string controller, ObjectKey key);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Controller {Controller}: reconciled {Key}")]
    public static partial void Reconciled(ILogger logger, string controller, ObjectKey key);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Controller {Controller}: reconciled {Key}; again in {RequeueAfter}")]
    public static partial void ReconciledRequeueAfter(ILogger logger, string controller, ObjectKey key, TimeSpan requeueAfter);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Controller {Controller}: reconcile of {Key} failed (retry {Retries}): {Error}")]
    public static partial void ReconcileFailed(ILogger logger, Exception? exception, string controller, ObjectKey key, int retries, string error);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Controller {Controller}: reconcile of {Key} interrupted by shutdown or leadership loss")]
    public static partial void ReconcileInterrupted(ILogger logger, string controller, ObjectKey key);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Mapping a change of {Kind} {Key} to keys failed; the change is skipped")]
    public static partial void MapperFailed(ILogger logger, Exception exception, string kind, ObjectKey key);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Controller {Controller}: the event filter failed on {Key}; the change is enqueued anyway")]
    public static partial void FilterFailed(ILogger logger, Exception exception, string controller, ObjectKey key);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Controller {Controller}: in-flight reconciles did not finish within {Timeout}; stopping anyway")]
    public static partial void DrainTimedOut(ILogger logger, string controller, TimeSpan timeout);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Controller {Controller}: worker failed unexpectedly")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, string controller);
}
