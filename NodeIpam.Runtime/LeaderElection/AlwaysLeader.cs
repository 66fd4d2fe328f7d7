namespace NodeIpam.Runtime.LeaderElection;

/// <summary>Leadership when leader election is off: leader from the start, never lost (one replica only).</summary>
internal sealed class AlwaysLeader : ILeadership
{
    public bool IsLeader => true;

    public CancellationToken LeadershipLost => CancellationToken.None;

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
