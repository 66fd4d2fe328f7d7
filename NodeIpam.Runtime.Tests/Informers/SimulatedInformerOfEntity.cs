using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NodeIpam.Runtime.Informers;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.Informers;

/// <summary>An informer caching the objects themselves, running against a fresh simulator, with a recording handler attached before it starts.</summary>
internal sealed class SimulatedInformer<TEntity> : SimulatedInformer<TEntity, TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private SimulatedInformer(KubeApiSimulator simulator, InformerOptions options)
        : base(simulator, options, new InformerSetup<TEntity>(), new RecordingHandler<TEntity>(), NullLogger.Instance)
    {
    }

    public static async Task<SimulatedInformer<TEntity>> CreateAsync(InformerOptions? options = null) =>
        new(await KubeApiSimulator.StartAsync(), options ?? FastOptions);
}
