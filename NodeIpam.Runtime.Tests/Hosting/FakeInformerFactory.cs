using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>Hands out one <see cref="FakeInformer{TEntity}"/> per cached type.</summary>
internal sealed class FakeInformerFactory : IInformerFactory
{
    private readonly Dictionary<Type, object> _informers = [];

    public FakeInformer<TEntity> For<TEntity>()
        where TEntity : class
    {
        lock (_informers)
        {
            if (!_informers.TryGetValue(typeof(TEntity), out var informer))
            {
                informer = new FakeInformer<TEntity>();
                _informers[typeof(TEntity)] = informer;
            }

            return (FakeInformer<TEntity>)informer;
        }
    }

    public IInformer<TCached> GetInformer<TCached>()
        where TCached : class => For<TCached>();
}
