using System.Net;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.LeaderElection;

/// <summary>
/// client-go's leader election on a Lease, timed by a <see cref="TimeProvider"/>.
/// Acquire: every RetryPeriod × (1 + rand × 1.2), take the lease if it is free, ours, or unchanged (as observed
/// locally, so clock skew between nodes does not matter) for its leaseDurationSeconds. Renew: every RetryPeriod;
/// a timer armed at each successful renewal ends leadership the instant RenewDeadline passes without one, even
/// while a request hangs. Seeing another holder in the lease ends leadership at once (it was stolen). Writes are
/// resourceVersion-guarded: a 409 means someone else wrote, and counts as a failed attempt.
/// On cancellation (clean shutdown) a leader first ends its leadership (so writes stop) then releases the lease
/// (empty holder, leaseDurationSeconds 1, as client-go's ReleaseOnCancel) so a standby takes over within a retry period.
/// </summary>
internal sealed class LeaderElector(
    ILeaseLock leaseLock,
    LeaderElectionOptions options,
    Leadership leadership,
    TimeProvider time,
    ILogger<LeaderElector> logger,
    Func<double> random)
{
    private readonly Lock _gate = new();
    private readonly string _lease = leaseLock.Describe();
    private LeaseRecord? _observed;
    private DateTimeOffset _observedTime;
    private string? _lossReason;

    /// <summary>Raised once, from any thread, when leadership is lost other than by a clean shutdown.</summary>
    public event Action<string>? LostUnexpectedly;

    private int LeaseSeconds => Math.Max(1, (int)Math.Ceiling(options.LeaseDuration.TotalSeconds));

    /// <summary>Campaigns, then leads until the lease is lost or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        logger.Acquiring(options.Identity, _lease);
        while (true)
        {
            // Bounded like a renewal, so a request lost on a half-open connection cannot stall the campaign.
            using (var attemptTimeout = new CancellationTokenSource(options.RenewDeadline, time))
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
            {
                if (await TryAcquireOrRenewAsync(attempt.Token).ConfigureAwait(false) == Attempt.Success)
                {
                    break;
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var wait = options.RetryPeriod * (1 + (random() * RuntimeDefaults.LeaderElectionJitterFactor));
            if (!await DelayAsync(wait, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        leadership.Acquire();
        logger.Acquired(options.Identity, _lease);
        using var deadline = time.CreateTimer(_ => LoseUnexpectedly("no renewal within the renew deadline"), null, options.RenewDeadline, Timeout.InfiniteTimeSpan);
        await RenewUntilLostAsync(deadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task RenewUntilLostAsync(ITimer deadline, CancellationToken cancellationToken)
    {
        var lastRenewal = time.GetUtcNow();
        while (!leadership.LeadershipLost.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, leadership.LeadershipLost))
            {
                if (!await DelayAsync(options.RetryPeriod, wait.Token).ConfigureAwait(false))
                {
                    break;
                }
            }

            var remaining = lastRenewal + options.RenewDeadline - time.GetUtcNow();
            using var attemptTimeout = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(
                cancellationToken, attemptTimeout.Token, leadership.LeadershipLost);
            var result = await TryAcquireOrRenewAsync(attempt.Token).ConfigureAwait(false);
            if (result == Attempt.Success && !leadership.LeadershipLost.IsCancellationRequested)
            {
                lastRenewal = time.GetUtcNow();
                deadline.Change(options.RenewDeadline, Timeout.InfiniteTimeSpan);
            }
            else if (result == Attempt.HeldByOther)
            {
                LoseUnexpectedly($"the lease is now held by {_observed?.HolderIdentity}");
            }
            else if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task<Attempt> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var current = await leaseLock.GetAsync(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                Observe(await leaseLock.CreateAsync(NewRecord(null, now), cancellationToken).ConfigureAwait(false));
                return Attempt.Success;
            }

            Observe(current);
            if (!current.IsFree && current.HolderIdentity != options.Identity
                && _observedTime + TimeSpan.FromSeconds(current.LeaseDurationSeconds) > time.GetUtcNow())
            {
                logger.HeldByOther(_lease, current.HolderIdentity);
                return Attempt.HeldByOther;
            }

            Observe(await leaseLock.UpdateAsync(NewRecord(current, time.GetUtcNow()), cancellationToken).ConfigureAwait(false));
            return Attempt.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Attempt.Failed;
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException or OperationCanceledException or System.Text.Json.JsonException)
        {
            if (e is not KubeApiException { StatusCode: HttpStatusCode.Conflict })
            {
                logger.AttemptFailed(options.Identity, _lease, e);
            }

            return Attempt.Failed;
        }
    }

    private LeaseRecord NewRecord(LeaseRecord? current, DateTimeOffset now)
    {
        var ours = current is not null && current.HolderIdentity == options.Identity;
        return new LeaseRecord(
            options.Identity,
            LeaseSeconds,
            ours ? current!.AcquireTime ?? now : now,
            now,
            current is null ? 0 : ours ? current.LeaseTransitions : current.LeaseTransitions + 1,
            current?.ResourceVersion);
    }

    private void Observe(LeaseRecord record)
    {
        lock (_gate)
        {
            if (_observed is null || _observed.ResourceVersion != record.ResourceVersion || _observed.RenewTime != record.RenewTime
                || _observed.HolderIdentity != record.HolderIdentity)
            {
                _observedTime = time.GetUtcNow();
            }

            _observed = record;
        }
    }

    private void LoseUnexpectedly(string reason)
    {
        lock (_gate)
        {
            _lossReason ??= reason;
        }

        if (leadership.Lose())
        {
            logger.Lost(options.Identity, _lease, reason);
            LostUnexpectedly?.Invoke(reason);
        }
    }

    private async Task ReleaseAsync()
    {
        // Stop writing before the lease can pass to someone else.
        leadership.Lose();
        lock (_gate)
        {
            if (_lossReason is not null || _observed?.HolderIdentity != options.Identity)
            {
                return;
            }
        }

        // Re-read rather than trust the last observed version: a renewal cancelled by the shutdown may have landed.
        using var timeout = new CancellationTokenSource(options.RenewDeadline, time);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var current = await leaseLock.GetAsync(timeout.Token).ConfigureAwait(false);
                if (current is null || current.HolderIdentity != options.Identity)
                {
                    return;
                }

                var now = time.GetUtcNow();
                await leaseLock.UpdateAsync(current with { HolderIdentity = string.Empty, LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now }, timeout.Token)
                    .ConfigureAwait(false);
                logger.Released(options.Identity, _lease);
                return;
            }
            catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Conflict && attempt == 0)
            {
                // Someone wrote in between: read again.
            }
            catch (Exception e) when (e is KubeApiException or HttpRequestException or IOException or OperationCanceledException)
            {
                logger.ReleaseFailed(options.Identity, _lease, e);
                return;
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private enum Attempt
    {
        Success,
        Failed,
        HeldByOther,
    }
}
