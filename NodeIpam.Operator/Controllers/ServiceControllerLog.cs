using Microsoft.Extensions.Logging;

namespace NodeIpam.Operator.Controllers;

/// <summary>The Service controller's structured log messages.</summary>
internal static partial class ServiceControllerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Service {Namespace}/{Name}: status is up to date")]
    public static partial void UpToDate(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Service {Namespace}/{Name}: addresses [{Old}] → [{New}] ({Condition})")]
    public static partial void AddressesChanged(ILogger logger, string @namespace, string name, IEnumerable<string> old, IEnumerable<string> @new, string condition);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Service {Namespace}/{Name}: condition {Reason}: {Message}")]
    public static partial void ConditionChanged(ILogger logger, string @namespace, string name, string reason, string message);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Service {Namespace}/{Name}: {Error}")]
    public static partial void InvalidSelector(ILogger logger, string @namespace, string name, string error);
}
