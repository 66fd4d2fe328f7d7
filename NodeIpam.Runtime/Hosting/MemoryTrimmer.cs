using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Hosting;

/// <summary>
/// Gives memory back after a burst. A controller's work comes in bursts (a cold start, a relist, a change that
/// concerns many objects) between long quiet stretches; the garbage collector sizes the heap for the burst and, on
/// its own, keeps that memory committed through the quiet. Every <see cref="RuntimeDefaults.MemoryTrimInterval"/>
/// this looks at how much was allocated: once a burst (<see cref="RuntimeDefaults.MemoryTrimBurstBytes"/> in one
/// interval) is followed by a quiet interval (under <see cref="RuntimeDefaults.MemoryTrimIdleBytes"/>), it runs one
/// aggressive, compacting collection, which also returns free memory to the system. Never during a burst, never
/// twice for the same one.
/// </summary>
internal sealed class MemoryTrimmer(TimeProvider time, ILogger<MemoryTrimmer> logger) : BackgroundService
{
    private static int s_compactedAfterSync;
    private long _lastAllocated = -1;
    private bool _burstSinceTrim;

    /// <summary>Total bytes allocated so far (replaceable for tests).</summary>
    internal Func<long> AllocatedBytes { get; init; } = () => GC.GetTotalAllocatedBytes();

    /// <summary>The collection (replaceable for tests).</summary>
    internal Action Trim { get; init; } = static () =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>How many trims ran.</summary>
    internal int Trims { get; private set; }

    /// <summary>
    /// Called by each controller host once its caches synced; compacts once per process. The initial lists allocate
    /// the whole cluster's JSON (hundreds of MB at 5,000 nodes), garbage as soon as the caches hold their trimmed
    /// copies; compacting before the first writes keeps that start-up peak from staying committed through them.
    /// </summary>
    public static void CompactAfterInitialSync()
    {
        if (Interlocked.Exchange(ref s_compactedAfterSync, 1) == 0)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>One look: records the interval's allocation and trims after a burst followed by quiet.</summary>
    internal void Tick()
    {
        var allocated = AllocatedBytes();
        var delta = _lastAllocated < 0 ? allocated : allocated - _lastAllocated;
        _lastAllocated = allocated;
        if (delta >= RuntimeDefaults.MemoryTrimBurstBytes)
        {
            _burstSinceTrim = true;
        }
        else if (delta < RuntimeDefaults.MemoryTrimIdleBytes && _burstSinceTrim)
        {
            _burstSinceTrim = false;
            var before = GC.GetTotalMemory(forceFullCollection: false) / 1048576;
            Trim();
            Trims++;
            var after = GC.GetTotalMemory(forceFullCollection: false) / 1048576;
            HostingLog.MemoryTrimmed(logger, before, after);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RuntimeDefaults.MemoryTrimInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
