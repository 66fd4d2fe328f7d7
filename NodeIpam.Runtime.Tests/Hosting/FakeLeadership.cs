using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>Leadership the test grants and takes away.</summary>
internal sealed class FakeLeadership : ILeadership, IDisposable
{
    private readonly TaskCompletionSource _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lost = new();

    public bool IsLeader => _acquired.Task.IsCompleted && !_lost.IsCancellationRequested;

    public CancellationToken LeadershipLost => _lost.Token;

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => _acquired.Task.WaitAsync(cancellationToken);

    public void Grant() => _acquired.TrySetResult();

    public void Lose() => _lost.Cancel();

    public void Dispose() => _lost.Dispose();
}
