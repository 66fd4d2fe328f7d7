using Prometheus;

namespace NodeIpam.Operator.Metrics;

/// <summary>The operator's own metrics (<c>nodeipam_*</c>), served on /metrics beside the runtime's.</summary>
internal sealed class OperatorMetrics
{
    /// <summary>The write was stored.</summary>
    public const string WriteSucceeded = "success";

    /// <summary>The write was refused with 409 Conflict (a newer version exists); it is retried.</summary>
    public const string WriteConflicted = "conflict";

    /// <summary>Any other failure; it is retried with backoff.</summary>
    public const string WriteFailed = "error";

    private readonly Counter _statusWrites;

    public OperatorMetrics(IMetricFactory factory)
    {
        _statusWrites = factory.CreateCounter(
            "nodeipam_status_writes_total", "Service status writes by result (success, conflict, error)", ["result"]);
        ManagedServices = factory.CreateGauge(
            "nodeipam_managed_services", "LoadBalancer Services this operator manages, as currently cached");
        AdvertisedAddresses = factory.CreateGauge(
            "nodeipam_advertised_addresses", "Ingress addresses in the status of the managed Services, as currently cached");

        // Every series exists from the start, so a rate() over a fresh process has a baseline.
        foreach (var result in (string[])[WriteSucceeded, WriteConflicted, WriteFailed])
        {
            _statusWrites.WithLabels(result);
        }

        ManagedServices.Set(0);
        AdvertisedAddresses.Set(0);
    }

    /// <summary>nodeipam_managed_services.</summary>
    public Gauge ManagedServices { get; }

    /// <summary>nodeipam_advertised_addresses.</summary>
    public Gauge AdvertisedAddresses { get; }

    /// <summary>The nodeipam_status_writes_total series of <paramref name="result"/>.</summary>
    public Counter.Child StatusWrites(string result) => _statusWrites.WithLabels(result);
}
