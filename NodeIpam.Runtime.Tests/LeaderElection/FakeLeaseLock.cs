using System.Net;
using NodeIpam.Runtime.Informers;
using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Runtime.Tests.LeaderElection;

/// <summary>An in-memory lease with the API server's resourceVersion check, failure injection and hanging requests.</summary>
internal sealed class FakeLeaseLock : ILeaseLock
{
    private readonly Lock _gate = new();
    private LeaseRecord? _lease;
    private int _version;

    /// <summary>When set, every request fails with 500.</summary>
    public bool Failing { get; set; }

    /// <summary>When set, every request hangs until cancelled.</summary>
    public bool Hanging { get; set; }

    public LeaseRecord? Current
    {
        get
        {
            lock (_gate)
            {
                return _lease;
            }
        }
    }

    /// <summary>Another writer replaces the lease, as kubectl or a rogue process would.</summary>
    public void Overwrite(LeaseRecord record)
    {
        lock (_gate)
        {
            _lease = record with { ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    public async Task<LeaseRecord?> GetAsync(CancellationToken cancellationToken)
    {
        await FaultsAsync(cancellationToken);
        return Current;
    }

    public async Task<LeaseRecord> CreateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        await FaultsAsync(cancellationToken);
        lock (_gate)
        {
            if (_lease is not null)
            {
                throw new KubeApiException(HttpStatusCode.Conflict, "already exists");
            }

            _lease = record with { ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return _lease;
        }
    }

    public async Task<LeaseRecord> UpdateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        await FaultsAsync(cancellationToken);
        lock (_gate)
        {
            if (_lease is null || _lease.ResourceVersion != record.ResourceVersion)
            {
                throw new KubeApiException(HttpStatusCode.Conflict, "the object has been modified");
            }

            _lease = record with { ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return _lease;
        }
    }

    public string Describe() => "test/lease";

    private async Task FaultsAsync(CancellationToken cancellationToken)
    {
        if (Hanging)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Failing)
        {
            throw new KubeApiException(HttpStatusCode.InternalServerError, "injected");
        }

        await Task.Yield();
    }
}
