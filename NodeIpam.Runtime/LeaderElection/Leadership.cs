namespace NodeIpam.Runtime.LeaderElection;

/// <summary>
/// Leadership as the elector reports it: set by <see cref="Acquire"/>, ended for good by <see cref="Lose"/>
/// (there is no second term: a process that lost the lease exits and its restart is the recovery).
/// </summary>
internal sealed class Leadership : ILeadership, IDisposable
{
    private readonly TaskCompletionSource _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lost = new();
    private int _state; // 0 waiting, 1 leading, 2 lost

    public bool IsLeader => Volatile.Read(ref _state) == 1;

    public CancellationToken LeadershipLost => _lost.Token;

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => _acquired.Task.WaitAsync(cancellationToken);

    /// <summary>Marks this process the leader; false if leadership was already lost.</summary>
    public bool Acquire()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return false;
        }

        _acquired.TrySetResult();
        return true;
    }

    /// <summary>Ends leadership (cancels <see cref="LeadershipLost"/>); true only for the call that ended it while leading.</summary>
    public bool Lose()
    {
        var previous = Interlocked.Exchange(ref _state, 2);
        if (previous == 2)
        {
            return false;
        }

        _lost.Cancel();
        return previous == 1;
    }

    public void Dispose() => _lost.Dispose();
}
