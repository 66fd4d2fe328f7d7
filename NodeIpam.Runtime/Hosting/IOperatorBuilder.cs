using Microsoft.Extensions.DependencyInjection;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Hosting;

/// <summary>Returned by <see cref="OperatorServiceCollectionExtensions.AddKubernetesOperator"/>: registers controllers (as KubeOps' builder).</summary>
public interface IOperatorBuilder
{
    /// <summary>The service collection being built, for the operator's own registrations.</summary>
    IServiceCollection Services { get; }

    /// <summary>The validated settings.</summary>
    OperatorSettings Settings { get; }

    /// <summary>
    /// Registers <typeparamref name="TController"/> as the reconciler of <typeparamref name="TEntity"/>, run by its
    /// own host (queue, workers, metrics) once the caches have synced and this process leads. The controller is
    /// resolved in a new service scope per reconcile; register it yourself to choose another lifetime (the default is
    /// transient). <paramref name="configure"/> sets the name, the event filter and secondary watches.
    /// Controller names must be unique.
    /// </summary>
    IOperatorBuilder AddController<TController, TEntity>(Action<ControllerBuilder<TEntity>>? configure = null)
        where TController : class, IEntityController<TEntity>
        where TEntity : class;
}
