using k8s;
using k8s.Models;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>Hands out one <see cref="FakeInformer{TEntity}"/> per kind.</summary>
internal sealed class FakeInformerFactory : IInformerFactory
{
    private readonly Dictionary<Type, object> _informers = [];

    public FakeInformer<TEntity> For<TEntity>()
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
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

    public IInformer<TEntity> GetInformer<TEntity>()
        where TEntity : IKubernetesObject<V1ObjectMeta>
    {
        lock (_informers)
        {
            if (!_informers.TryGetValue(typeof(TEntity), out var informer))
            {
                var type = typeof(FakeInformer<>).MakeGenericType(typeof(TEntity));
                informer = Activator.CreateInstance(type)!;
                _informers[typeof(TEntity)] = informer;
            }

            return (IInformer<TEntity>)informer;
        }
    }
}
