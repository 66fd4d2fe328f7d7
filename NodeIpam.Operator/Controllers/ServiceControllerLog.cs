using Microsoft.Extensions.Logging;

namespace NodeIpam.Operator.Controllers;

/// <summary>The Service controller's structured log messages.</summary>
internal static partial class ServiceControllerLog
{
    /// <summary>Addresses a log line names before "… (N in all)": a line per change must stay a line at 5,000 nodes.</summary>
    public const int LoggedAddresses = 10;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Service {Namespace}/{Name}: status is up to date")]
    public static partial void UpToDate(ILogger logger, string @namespace, string name);

    [LoggerMessage(
        EventId = 2005,
        Level = LogLevel.Information,
        Message = "Service {Namespace}/{Name}: the cache still shows resourceVersion {ResourceVersion}, from before our last status write; deciding again when the watch delivers the write, or every {Fallback}")]
    public static partial void AwaitingEcho(ILogger logger, string @namespace, string name, string? resourceVersion, TimeSpan fallback);

    [LoggerMessage(
        EventId = 2006,
        Level = LogLevel.Information,
        Message = "Service {Namespace}/{Name} is not ours any more ({Why}): removed the nodeipam condition{Cleared}")]
    public static partial void Released(ILogger logger, string @namespace, string name, string why, string cleared);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Service {Namespace}/{Name}: addresses [{Old}] → [{New}] ({Condition})")]
    public static partial void AddressesChanged(ILogger logger, string @namespace, string name, ShortList old, ShortList @new, string condition);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Service {Namespace}/{Name}: condition {Reason}: {Message}")]
    public static partial void ConditionChanged(ILogger logger, string @namespace, string name, string reason, string message);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Service {Namespace}/{Name}: {Error}")]
    public static partial void InvalidSelector(ILogger logger, string @namespace, string name, string error);

    /// <summary>
    /// An address list as a log line shows it, formatted only if the line is written: a short one whole, a long one's
    /// first <see cref="LoggedAddresses"/> and its size.
    /// </summary>
    public readonly record struct ShortList(IReadOnlyList<string> Items, int Count)
    {
        /// <summary>A whole list.</summary>
        public ShortList(IReadOnlyList<string> items)
            : this(items, items.Count)
        {
        }

        /// <inheritdoc/>
        public override string ToString() =>
            Count <= LoggedAddresses
                ? string.Join(", ", Items.Take(Count))
                : $"{string.Join(", ", Items.Take(LoggedAddresses))}, … ({Count} in all)";
    }
}
