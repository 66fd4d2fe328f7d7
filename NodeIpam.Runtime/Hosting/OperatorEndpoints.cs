using Microsoft.Extensions.DependencyInjection;
using NodeIpam.Runtime.Health;

namespace NodeIpam.Runtime.Hosting;

/// <summary>Starting the probe and metrics endpoints ahead of the host.</summary>
public static class OperatorEndpoints
{
    /// <summary>
    /// Binds /healthz, /readyz and /metrics now (the host's start then finds them started), so that a busy port, an
    /// address the machine does not have or an unreadable certificate stops the process before anything else runs:
    /// an <see cref="EndpointStartException"/> with a one-line message.
    /// </summary>
    public static Task StartEndpointsAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ProbeServer>().StartAsync(cancellationToken);
}
