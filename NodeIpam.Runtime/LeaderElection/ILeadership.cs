namespace NodeIpam.Runtime.LeaderElection;

/// <summary>
/// Whether this process may write. Only the leader reconciles; non-leaders keep their caches warm.
/// Without leader election the process is the leader from the start and never loses it.
/// Leadership is tracked from the elector's callbacks, never from a polled flag that can go stale.
/// </summary>
public interface ILeadership
{
    /// <summary>True while this process holds the lease.</summary>
    bool IsLeader { get; }

    /// <summary>Completes when this process becomes the leader; throws when cancelled.</summary>
    Task WaitForLeadershipAsync(CancellationToken cancellationToken);

    /// <summary>Cancelled the moment leadership is lost: pass it to every write so none starts after the loss.</summary>
    CancellationToken LeadershipLost { get; }
}
