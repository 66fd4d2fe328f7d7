using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NodeIpam.Runtime.Events;

/// <summary>Registers <see cref="IEventRecorder"/> (also a hosted service that sends the events).</summary>
internal static class EventServiceCollectionExtensions
{
    /// <summary>Needs the <c>KubeApiConnection</c> that AddInformers registers.</summary>
    public static IServiceCollection AddEventRecorder(this IServiceCollection services, EventRecorderOptions options)
    {
        services.TryAddSingleton(options.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventRecorder>();
        services.TryAddSingleton<IEventRecorder>(sp => sp.GetRequiredService<EventRecorder>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EventRecorder>());
        return services;
    }
}
