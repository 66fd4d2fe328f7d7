using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NodeIpam.Operator.Hosting;

/// <summary>Console logging for <c>run</c>: structured, JSON when standard output is not a terminal.</summary>
internal static class OperatorLogging
{
    /// <summary>Framework categories are kept at Warning: their Information lines (Kestrel, host lifetime) are noise here.</summary>
    public const LogLevel FrameworkLevel = LogLevel.Warning;

    /// <summary>Replaces the providers with the console, in <see cref="OneLineConsoleFormatter"/>'s format.</summary>
    public static ILoggingBuilder AddOperatorConsole(this ILoggingBuilder logging, bool json, LogLevel minimum = LogLevel.Information)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        logging.AddFilter("Microsoft", FrameworkLevel);
        logging.AddFilter("System", FrameworkLevel);
        logging.AddConsole(options => options.FormatterName = json ? OneLineConsoleFormatter.JsonName : OneLineConsoleFormatter.TextName);
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter>(new OneLineConsoleFormatter(json)));
        return logging;
    }
}
