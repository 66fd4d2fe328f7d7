namespace NodeIpam.Runtime.Events;

/// <summary>
/// Work the event sender gives way to: while any has work waiting, Events are held back (at most
/// <see cref="RuntimeDefaults.EventYieldMax"/> each), so that on a busy API server they never slow the writes that
/// matter (a controller's status writes at a cold start). The controller hosts are these.
/// </summary>
internal interface IEventYield
{
    /// <summary>True while work is waiting (a controller's queue holds keys).</summary>
    bool HasPendingWork { get; }
}
