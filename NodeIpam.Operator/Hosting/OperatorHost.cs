using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Hosting;

namespace NodeIpam.Operator.Hosting;

/// <summary>Builds the process <c>run</c> runs; tests build the same host against the simulator.</summary>
internal static class OperatorHost
{
    /// <summary>
    /// A host with the operator's wiring. <paramref name="logging"/> configures the log providers (run: the console);
    /// <paramref name="configure"/> may add or replace services (tests: a fake clock).
    /// </summary>
    public static IHost Build(RunOptions options, OperatorSettings settings, Action<ILoggingBuilder> logging, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        logging(builder.Logging);
        configure?.Invoke(builder.Services);
        builder.Services.AddNodeIpamOperator(options, settings);
        return builder.Build();
    }
}
