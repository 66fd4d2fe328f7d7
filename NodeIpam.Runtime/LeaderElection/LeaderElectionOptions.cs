namespace NodeIpam.Runtime.LeaderElection;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease. Defaults are controller-runtime's (see
/// <see cref="RuntimeDefaults"/>). Validated as client-go does: every duration positive,
/// LeaseDuration &gt; RenewDeadline &gt; RetryPeriod × JitterFactor (1.2).
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>Name of the Lease object.</summary>
    public required string LeaseName { get; init; }

    /// <summary>Namespace of the Lease object (the operator's own namespace).</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>This process's identity in the lease (holderIdentity); defaults to <see cref="DefaultIdentity"/>.</summary>
    public string Identity { get; init; } = DefaultIdentity();

    /// <summary>How long non-leaders wait, after last seeing the lease change, before they may take it.</summary>
    public TimeSpan LeaseDuration { get; init; } = RuntimeDefaults.LeaseDuration;

    /// <summary>How long the leader keeps retrying a failing renewal before it gives leadership up.</summary>
    public TimeSpan RenewDeadline { get; init; } = RuntimeDefaults.RenewDeadline;

    /// <summary>Interval between acquire (jittered) and renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = RuntimeDefaults.RetryPeriod;

    /// <summary>The pod's name (POD_NAME, from the downward API) or, outside a pod, the host name plus a random suffix.</summary>
    public static string DefaultIdentity()
    {
        var pod = Environment.GetEnvironmentVariable("POD_NAME");
        return string.IsNullOrWhiteSpace(pod)
            ? $"{Environment.MachineName}_{Guid.NewGuid().ToString("N")[..8]}"
            : pod;
    }

    /// <summary>Throws with a clear message when the timing cannot give safe leader election.</summary>
    public LeaderElectionOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseName) || string.IsNullOrWhiteSpace(LeaseNamespace) || string.IsNullOrWhiteSpace(Identity))
        {
            throw new ArgumentException("Leader election needs a lease name, a lease namespace and an identity.");
        }

        if (LeaseDuration <= TimeSpan.Zero || RenewDeadline <= TimeSpan.Zero || RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Leader election durations must be positive (lease {LeaseDuration}, renew deadline {RenewDeadline}, retry period {RetryPeriod}).");
        }

        if (LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException($"The lease duration ({LeaseDuration}) must be greater than the renew deadline ({RenewDeadline}).");
        }

        if (RenewDeadline <= RetryPeriod * RuntimeDefaults.LeaderElectionJitterFactor)
        {
            throw new ArgumentException(
                $"The renew deadline ({RenewDeadline}) must be greater than the retry period × {RuntimeDefaults.LeaderElectionJitterFactor} ({RetryPeriod * RuntimeDefaults.LeaderElectionJitterFactor}).");
        }

        return this;
    }
}
