using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.LeaderElection;

/// <summary>Leader election's structured log messages.</summary>
internal static partial class LeaderElectionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} is trying to acquire lease {Lease}")]
    public static partial void Acquiring(this ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} acquired lease {Lease} and is now the leader")]
    public static partial void Acquired(this ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Debug, Message = "lease {Lease} is held by {Holder}")]
    public static partial void HeldByOther(this ILogger logger, string lease, string? holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} failed to acquire or renew lease {Lease}")]
    public static partial void AttemptFailed(this ILogger logger, string identity, string lease, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Identity} lost lease {Lease}: {Reason}")]
    public static partial void Lost(this ILogger logger, string identity, string lease, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released lease {Lease}")]
    public static partial void Released(this ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} could not release lease {Lease}; a standby takes over when it expires")]
    public static partial void ReleaseFailed(this ILogger logger, string identity, string lease, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Leadership lost: stopping the process (exit code 1) so that its restart rejoins the election")]
    public static partial void Exiting(this ILogger logger);
}
