using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.LeaderElection;

/// <summary>
/// Reads and writes one coordination.k8s.io/v1 Lease. Updates carry the resourceVersion last read, so a concurrent
/// writer makes them fail with 409 Conflict instead of being overwritten. The JSON is written here so that
/// acquireTime/renewTime always carry six fractional digits (see <see cref="MicroTime"/>).
/// </summary>
internal sealed class LeaseLock(KubeApiConnection api, string @namespace, string name) : ILeaseLock
{
    private static readonly ResourcePaths Paths = ResourcePaths.For<V1Lease>();

    /// <summary>The lease, or null when it does not exist.</summary>
    public async Task<LeaseRecord?> GetAsync(CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(Paths.Item(@namespace, name), cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the lease; throws <see cref="KubeApiException"/> (409) when it already exists.</summary>
    public async Task<LeaseRecord> CreateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(
            HttpMethod.Post, Paths.Collection(@namespace), ToJson(record with { ResourceVersion = null }), "application/json", cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the lease if it is still at <see cref="LeaseRecord.ResourceVersion"/>; throws (409) otherwise.</summary>
    public async Task<LeaseRecord> UpdateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(
            HttpMethod.Put, Paths.Item(@namespace, name), ToJson(record), "application/json", cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public string Describe() => $"{@namespace}/{name}";

    private string ToJson(LeaseRecord record)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = @namespace };
        if (record.ResourceVersion is not null)
        {
            metadata["resourceVersion"] = record.ResourceVersion;
        }

        var spec = new JsonObject
        {
            ["holderIdentity"] = record.HolderIdentity ?? string.Empty,
            ["leaseDurationSeconds"] = record.LeaseDurationSeconds,
            ["leaseTransitions"] = record.LeaseTransitions,
        };
        if (record.AcquireTime is { } acquired)
        {
            spec["acquireTime"] = MicroTime.Format(acquired);
        }

        if (record.RenewTime is { } renewed)
        {
            spec["renewTime"] = MicroTime.Format(renewed);
        }

        return new JsonObject
        {
            ["apiVersion"] = Paths.ApiVersion,
            ["kind"] = Paths.Kind,
            ["metadata"] = metadata,
            ["spec"] = spec,
        }.ToJsonString();
    }

    private static async Task<LeaseRecord> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await KubeApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var lease = KubernetesJson.Deserialize<V1Lease>(json);
        var spec = lease.Spec ?? new V1LeaseSpec();
        return new LeaseRecord(
            spec.HolderIdentity,
            spec.LeaseDurationSeconds ?? 0,
            ToOffset(spec.AcquireTime),
            ToOffset(spec.RenewTime),
            spec.LeaseTransitions ?? 0,
            lease.Metadata?.ResourceVersion);
    }

    private static DateTimeOffset? ToOffset(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)) : null;
}
