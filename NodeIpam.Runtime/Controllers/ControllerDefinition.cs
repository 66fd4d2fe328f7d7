
namespace NodeIpam.Runtime.Controllers;

/// <summary>What <see cref="ControllerBuilder{TEntity}"/> produced: immutable once the controller is registered.</summary>
internal sealed record ControllerDefinition<TEntity>(
    string Name,
    Func<ObjectChange<TEntity>, bool>? Filter,
    IReadOnlyList<SecondaryWatch> Watches)
    where TEntity : class;
