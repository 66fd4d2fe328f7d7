using System.Reflection;
using k8s.Models;

namespace NodeIpam.Runtime.Controllers;

/// <summary>
/// Configures one controller registered with <c>AddController</c>: its name (metrics label and queue name), a
/// filter on its own kind's events, and secondary watches that map changes of other kinds to keys of its kind
/// (controller-runtime's <c>Watches(source, handler.EnqueueRequestsFromMapFunc(...))</c>).
/// </summary>
public sealed class ControllerBuilder<TEntity>
    where TEntity : class
{
    private readonly List<SecondaryWatch> _watches = [];
    private Func<ObjectChange<TEntity>, bool>? _filter;

    internal ControllerBuilder() => Name = DefaultName();

    /// <summary>The controller's name; defaults to the lower-cased kind (e.g. <c>service</c>), as controller-runtime does.</summary>
    public string Name { get; private set; }

    internal IReadOnlyList<SecondaryWatch> SecondaryWatches => _watches;

    /// <summary>Sets the controller's name (label <c>controller</c> of the metrics, <c>name</c> of the queue metrics).</summary>
    public ControllerBuilder<TEntity> Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        return this;
    }

    /// <summary>
    /// Enqueues a change of the controller's own kind only when <paramref name="filter"/> returns true (by default
    /// every add, update and delete is enqueued). Use it to skip updates that change nothing the controller reads.
    /// A filter that throws is logged and the change is enqueued anyway (a spurious reconcile is harmless, a missed
    /// one is not).
    /// </summary>
    public ControllerBuilder<TEntity> WithEventFilter(Func<ObjectChange<TEntity>, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _filter = filter;
        return this;
    }

    /// <summary>
    /// Watches <typeparamref name="TOther"/> too: each of its changes is given to <paramref name="mapper"/>, and
    /// every key it returns (of the controller's kind; empty when nothing that matters changed) is enqueued.
    /// A mapper that throws is logged and enqueues nothing for that change; the watch goes on.
    /// </summary>
    public ControllerBuilder<TEntity> Watches<TOther>(Func<ObjectChange<TOther>, IEnumerable<ObjectKey>> mapper)
        where TOther : class
    {
        ArgumentNullException.ThrowIfNull(mapper);
        _watches.Add(new SecondaryWatch<TOther>((_, change) => mapper(change)));
        return this;
    }

    /// <summary>
    /// As <see cref="Watches{TOther}(Func{ObjectChange{TOther}, IEnumerable{ObjectKey}})"/>, with the root service
    /// provider, for mappers that need a service (e.g. another kind's cache, to find the objects that reference the
    /// changed one).
    /// </summary>
    public ControllerBuilder<TEntity> Watches<TOther>(Func<IServiceProvider, ObjectChange<TOther>, IEnumerable<ObjectKey>> mapper)
        where TOther : class
    {
        ArgumentNullException.ThrowIfNull(mapper);
        _watches.Add(new SecondaryWatch<TOther>(mapper));
        return this;
    }

    internal ControllerDefinition<TEntity> Build() => new(Name, _filter, [.. _watches]);

    private static string DefaultName()
    {
        var kind = typeof(TEntity).GetCustomAttribute<KubernetesEntityAttribute>()?.Kind;
        return (string.IsNullOrEmpty(kind) ? typeof(TEntity).Name : kind).ToLowerInvariant();
    }
}
