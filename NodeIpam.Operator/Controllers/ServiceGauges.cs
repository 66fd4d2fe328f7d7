using k8s.Models;
using Microsoft.Extensions.Hosting;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Keeps <c>nodeipam_managed_services</c> and <c>nodeipam_advertised_addresses</c> equal to what the Service cache
/// holds, updated incrementally from the Service informer's changes (so a deleted Service leaves the figures at
/// once, without a reconcile). Runs on every replica: the figures describe the cluster, not this process's work.
/// </summary>
internal sealed class ServiceGauges(IInformerFactory informers, FactsCache facts, OperatorMetrics metrics) : IHostedService, IResourceEventHandler<V1Service>
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = informers.GetInformer<V1Service>().AddEventHandler(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void OnAdd(V1Service entity, bool isInInitialList) => Count(entity, +1);

    public void OnUpdate(V1Service oldEntity, V1Service newEntity)
    {
        Count(oldEntity, -1);
        Count(newEntity, +1);
    }

    public void OnDelete(V1Service entity) => Count(entity, -1);

    private void Count(V1Service service, int sign)
    {
        if (!facts.Service(service).IsManaged)
        {
            return;
        }

        metrics.ManagedServices.Inc(sign);
        var addresses = service.Status?.LoadBalancer?.Ingress?.Count(i => !string.IsNullOrEmpty(i?.Ip)) ?? 0;
        metrics.AdvertisedAddresses.Inc(sign * addresses);
    }
}
