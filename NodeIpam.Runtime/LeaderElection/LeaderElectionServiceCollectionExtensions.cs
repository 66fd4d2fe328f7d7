using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.LeaderElection;

/// <summary>Registers <see cref="ILeadership"/>: a Lease-based election, or a permanent leader when election is off.</summary>
internal static class LeaderElectionServiceCollectionExtensions
{
    /// <summary>
    /// With <paramref name="options"/>: leader election on a Lease (needs a <see cref="KubeApiConnection"/>, which
    /// AddInformers registers), run by a hosted service. Without: this process always leads.
    /// </summary>
    public static IServiceCollection AddLeaderElection(this IServiceCollection services, LeaderElectionOptions? options)
    {
        if (options is null)
        {
            services.TryAddSingleton<ILeadership, AlwaysLeader>();
            return services;
        }

        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Leadership>();
        services.TryAddSingleton<ILeadership>(sp => sp.GetRequiredService<Leadership>());
        services.TryAddSingleton(sp => new LeaderElector(
            new LeaseLock(sp.GetRequiredService<KubeApiConnection>(), options.LeaseNamespace, options.LeaseName),
            options,
            sp.GetRequiredService<Leadership>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeaderElector>>(),
            Random.Shared.NextDouble));
        services.AddSingleton<IHostedService, LeaderElectionService>();
        return services;
    }
}
