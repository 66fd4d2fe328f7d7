using Microsoft.Extensions.Hosting;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Keeps <c>nodeipam_managed_services</c> and <c>nodeipam_advertised_addresses</c> equal to what the Service cache
/// holds, updated incrementally from the Service informer's changes (so a deleted Service leaves the figures at
/// once, without a reconcile). Runs on every replica: the figures describe the cluster, not this process's work.
/// </summary>
internal sealed class ServiceGauges(IInformerFactory informers, OperatorMetrics metrics) : IHostedService, IResourceEventHandler<CachedService>
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = informers.GetInformer<CachedService>().AddEventHandler(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void OnAdd(ObjectKey key, CachedService entity, bool isInInitialList) => Count(entity, +1);

    public void OnUpdate(ObjectKey key, CachedService oldEntity, CachedService newEntity)
    {
        Count(oldEntity, -1);
        Count(newEntity, +1);
    }

    public void OnDelete(ObjectKey key, CachedService entity) => Count(entity, -1);

    private void Count(CachedService service, int sign)
    {
        if (!service.Facts.IsManaged)
        {
            return;
        }

        metrics.ManagedServices.Inc(sign);
        var addresses = service.Ingress.IpCount;
        metrics.AdvertisedAddresses.Inc(sign * addresses);
    }
}
