using System.Collections.Concurrent;
using k8s.Models;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>What the test wants a reconcile to do, and what the reconciles saw. Shared by every controller instance.</summary>
internal sealed class ReconcileScript
{
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _overlaps;

    public Func<V1Service, CancellationToken, Task<ReconciliationResult>> Behaviour { get; set; } =
        (_, _) => Task.FromResult(ReconciliationResult.Success());

    /// <summary>Every call, in order: name and the object's resourceVersion.</summary>
    public ConcurrentQueue<(string Name, string? Version)> Calls { get; } = new();

    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Signalled after every call returns (or throws).</summary>
    public SemaphoreSlim Completed { get; } = new(0);

    public int CallsFor(string name) => Calls.Count(c => c.Name == name);

    public async Task<ReconciliationResult> RunAsync(V1Service service, CancellationToken cancellationToken)
    {
        var name = service.Metadata.Name;
        if (!_inFlight.TryAdd(name, 0))
        {
            Interlocked.Increment(ref _overlaps);
        }

        Calls.Enqueue((name, service.Metadata.ResourceVersion));
        try
        {
            return await Behaviour(service, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(name, out _);
            Completed.Release();
        }
    }
}

/// <summary>A controller that does what the <see cref="ReconcileScript"/> says.</summary>
internal sealed class RecordingController(ReconcileScript script) : IEntityController<V1Service>
{
    public Task<ReconciliationResult> ReconcileAsync(V1Service entity, CancellationToken cancellationToken) =>
        script.RunAsync(entity, cancellationToken);
}
