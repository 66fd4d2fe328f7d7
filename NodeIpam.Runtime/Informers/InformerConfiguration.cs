using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// One registered configuration of the informer whose cache holds <see cref="CachedType"/>, applied when that
/// informer is created. The first registration for a cached type says how its informer is built (the kind it
/// watches and its adapter); later ones only add to the setup. A cached type has either one registration with an
/// adapter or any number of plain ones (<see cref="CheckOneWay"/>).
/// </summary>
internal abstract record InformerConfiguration(Type CachedType)
{
    /// <summary>True for a registration with a cache adapter.</summary>
    public abstract bool HasAdapter { get; }

    /// <summary>
    /// Refuses registrations of one cached type that cannot all hold, whatever their order: an adapter beside plain
    /// registrations, or two adapters (either would silently drop all but one way of building the cache).
    /// </summary>
    public static void CheckOneWay(Type cachedType, IReadOnlyList<InformerConfiguration> all)
    {
        var adapters = all.Count(c => c.HasAdapter);
        if (adapters > 0 && adapters < all.Count)
        {
            throw new InvalidOperationException(
                $"The informer of {cachedType.Name} was registered both with and without a cache adapter; register it one way.");
        }

        if (adapters > 1)
        {
            throw new InvalidOperationException(
                $"The informer of {cachedType.Name} was registered with {adapters} cache adapters; register each cached type once.");
        }
    }

    /// <summary>Creates the informer, applying <paramref name="all"/> (every registration for this cached type) in order.</summary>
    public abstract IRunnableInformer Create(IReadOnlyList<InformerConfiguration> all, InformerContext context);

    /// <summary>Applies this registration to a setup built by the first one.</summary>
    public abstract void Apply(object setup);
}

/// <summary>An informer whose cache keeps what <paramref name="Adapter"/> makes of each <typeparamref name="TEntity"/>.</summary>
internal sealed record InformerConfiguration<TEntity, TCached>(Func<TEntity, TCached> Adapter, Action<InformerSetup<TEntity, TCached>>? Configure)
    : InformerConfiguration(typeof(TCached))
    where TEntity : IKubernetesObject<V1ObjectMeta>
    where TCached : class
{
    public override bool HasAdapter => true;

    public override IRunnableInformer Create(IReadOnlyList<InformerConfiguration> all, InformerContext context) =>
        context.Create(Configured(new InformerSetup<TEntity, TCached>(Adapter), all));

    public override void Apply(object setup) => Configure?.Invoke((InformerSetup<TEntity, TCached>)setup);

    internal static TSetup Configured<TSetup>(TSetup setup, IReadOnlyList<InformerConfiguration> all)
    {
        foreach (var configuration in all)
        {
            configuration.Apply(setup!);
        }

        return setup;
    }
}

/// <summary>An informer whose cache keeps the (transformed) objects themselves.</summary>
internal sealed record PlainInformerConfiguration<TEntity>(Action<InformerSetup<TEntity>>? Configure)
    : InformerConfiguration(typeof(TEntity))
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    public override bool HasAdapter => false;

    public override IRunnableInformer Create(IReadOnlyList<InformerConfiguration> all, InformerContext context) =>
        context.Create(InformerConfiguration<TEntity, TEntity>.Configured(new InformerSetup<TEntity>(), all));

    public override void Apply(object setup) => Configure?.Invoke((InformerSetup<TEntity>)setup);
}

/// <summary>What every informer is built with.</summary>
internal sealed record InformerContext(KubeApiConnection Api, InformerOptions Options, TimeProvider Time, ILoggerFactory Loggers)
{
    public IRunnableInformer Create<TEntity, TCached>(InformerSetup<TEntity, TCached> setup)
        where TEntity : IKubernetesObject<V1ObjectMeta>
        where TCached : class =>
        new Informer<TEntity, TCached>(
            Api, Options, setup, Time, Loggers.CreateLogger($"NodeIpam.Runtime.Informers.Informer.{typeof(TCached).Name}"));
}
