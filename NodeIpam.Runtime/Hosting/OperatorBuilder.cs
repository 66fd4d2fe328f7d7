using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Events;

namespace NodeIpam.Runtime.Hosting;

/// <summary>Registers each controller's host as a hosted service and as a readiness source.</summary>
internal sealed class OperatorBuilder(IServiceCollection services, OperatorSettings settings) : IOperatorBuilder
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IServiceCollection Services { get; } = services;

    public OperatorSettings Settings { get; } = settings;

    public IOperatorBuilder AddController<TController, TEntity>(Action<ControllerBuilder<TEntity>>? configure = null)
        where TController : class, IEntityController<TEntity>
        where TEntity : class
    {
        var builder = new ControllerBuilder<TEntity>();
        configure?.Invoke(builder);
        var definition = builder.Build();
        if (!_names.Add(definition.Name))
        {
            throw new InvalidOperationException(
                $"A controller named '{definition.Name}' is already registered; give the second one another name with Named(...).");
        }

        if (Services.Any(d => d.ServiceType == typeof(ControllerHost<TController, TEntity>)))
        {
            throw new InvalidOperationException($"{typeof(TController).Name} is already registered for {typeof(TEntity).Name}.");
        }

        Services.TryAddTransient<TController>();
        Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ControllerHost<TController, TEntity>>(sp, definition));
        Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ControllerHost<TController, TEntity>>());
        Services.AddSingleton<IControllerStatus>(sp => sp.GetRequiredService<ControllerHost<TController, TEntity>>());
        Services.AddSingleton<IEventYield>(sp => sp.GetRequiredService<ControllerHost<TController, TEntity>>());
        return this;
    }
}
