namespace NodeIpam.Runtime.LeaderElection;

/// <summary>The fields of a Lease that leader election reads and writes, plus the resourceVersion that guards updates.</summary>
internal sealed record LeaseRecord(
    string? HolderIdentity,
    int LeaseDurationSeconds,
    DateTimeOffset? AcquireTime,
    DateTimeOffset? RenewTime,
    int LeaseTransitions,
    string? ResourceVersion)
{
    /// <summary>Nobody holds the lease (never taken, or released on a clean shutdown).</summary>
    public bool IsFree => string.IsNullOrEmpty(HolderIdentity);
}
