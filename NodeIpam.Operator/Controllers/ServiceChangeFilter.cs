using NodeIpam.Operator.Caching;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The Service controller's event filter. Only Services that are ours, or carry our condition (they were ours:
/// what we wrote must be removed, also when that is found at start-up), are reconciled. An update is reconciled only
/// when what the controller reads changed (<see cref="CachedService.SameForController"/>: a value comparison of the
/// cached records), and not when it is the watch echo of our own status write, unless a reconcile awaits that echo
/// (<see cref="WrittenStatuses.AwaitEcho"/>). A status changed by someone else (a user clearing it) is reconciled,
/// which restores it. Deletes need no reconcile.
/// </summary>
internal sealed class ServiceChangeFilter(WrittenStatuses written)
{
    /// <summary>Whether <paramref name="change"/> must be reconciled.</summary>
    public bool ShouldReconcile(ObjectChange<CachedService> change)
    {
        var key = change.Key;
        if (change.IsDelete)
        {
            written.Forget(key);
            return false;
        }

        if (written.TakeAwaitedEcho(key, change.New!))
        {
            return true;
        }

        if (!Concerns(change.New!) && (change.Old is null || !Concerns(change.Old)))
        {
            return false;
        }

        if (change.IsAdd)
        {
            return true;
        }

        var (old, @new) = (change.Old!, change.New!);
        if (old.SameForController(@new))
        {
            return false;
        }

        // Only the status changed, to what we wrote: the echo of our own write.
        return !(old.Facts == @new.Facts && written.IsOwnWrite(key, @new));
    }

    /// <summary>Ours, or carrying our condition.</summary>
    private static bool Concerns(CachedService service) => service.Facts.IsManaged || service.Condition is not null;
}
