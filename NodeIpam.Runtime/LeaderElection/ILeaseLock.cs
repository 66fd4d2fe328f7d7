namespace NodeIpam.Runtime.LeaderElection;

/// <summary>The lease the elector competes for (a seam so the election logic can be tested on a fake clock).</summary>
internal interface ILeaseLock
{
    /// <summary>The lease, or null when it does not exist.</summary>
    Task<LeaseRecord?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates the lease; fails (409) when it exists.</summary>
    Task<LeaseRecord> CreateAsync(LeaseRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the lease if it is still at the record's resourceVersion; fails (409) otherwise.</summary>
    Task<LeaseRecord> UpdateAsync(LeaseRecord record, CancellationToken cancellationToken);

    /// <summary><c>namespace/name</c>, for logs.</summary>
    string Describe();
}
