using k8s.Models;
using Microsoft.Extensions.Logging;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Events;
using NodeIpam.Runtime.Informers;
using NodeIpam.Runtime.Rbac;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Keeps <c>status.loadBalancer.ingress</c> of every managed Service equal to the domain's plan. Level-based: reads the
/// Service, the nodes and (for Local) its EndpointSlices from the caches, plans with <see cref="ServicePlanner"/>,
/// decides with <see cref="StatusDecider"/>, and writes only when something differs. A conflict or an API error is
/// retried with backoff by the runtime; an invalid selector is not an error (it waits for the Service to change).
/// Services that are not ours are left alone, except that what we wrote is removed once from one that was ours
/// (<see cref="StatusDecider.Release"/>).
/// </summary>
[EntityRbac(typeof(V1Service), RbacVerb.Get | RbacVerb.List | RbacVerb.Watch)]
[EntityRbac(typeof(V1Service), RbacVerb.Patch, Subresource = "status")]
[EntityRbac(typeof(V1Node), RbacVerb.Get | RbacVerb.List | RbacVerb.Watch)]
[EntityRbac(typeof(V1EndpointSlice), RbacVerb.Get | RbacVerb.List | RbacVerb.Watch)]
internal sealed class ServiceController(
    IInformerFactory informers,
    PlanningOptions planning,
    NodeSnapshot nodeSnapshot,
    WrittenStatuses written,
    StatusApplier applier,
    IEventRecorder events,
    TimeProvider time,
    ILogger<ServiceController> logger) : IEntityController<CachedService>
{
    // The shortest requeue: the echo of our write was delivered before the reconcile could ask to be told of it.
    private static readonly TimeSpan LookAgainNow = TimeSpan.FromMilliseconds(1);

    /// <inheritdoc/>
    public async Task<ReconciliationResult> ReconcileAsync(CachedService entity, CancellationToken cancellationToken)
    {
        var service = entity.Facts;
        var key = entity.Key;

        // Deciding from a copy that predates our own last write could find the Service "up to date" when it is not
        // (the plan moved back to what the cache still shows) and then never look again, since the write's echo is
        // filtered out. Wait for the cache instead: the event filter passes the echo on when it arrives.
        if (written.CacheIsBehind(key, entity))
        {
            return await AwaitEchoAsync(key, entity, cancellationToken).ConfigureAwait(false);
        }

        if (!service.IsManaged)
        {
            return await ReleaseAsync(entity, service, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var (nodesVersion, nodes) = nodeSnapshot.Current();
        var plan = Plan(service, nodes, now);

        // A NotReady node's grace runs out with no event to say so: look again then.
        var done = plan.NextChangeAt is { } next ? ReconciliationResult.Success(next - now) : ReconciliationResult.Success();
        var decision = StatusDecider.Decide(entity, plan, nodes, now);
        if (!decision.NeedsWrite)
        {
            ServiceControllerLog.UpToDate(logger, service.Namespace, service.Name);
            return done;
        }

        var (outcome, error) = await applier.ApplyAsync(entity, decision, cancellationToken).ConfigureAwait(false);
        if (outcome != StatusWriteOutcome.Written)
        {
            return ReconciliationResult.Failure(error ?? "status write failed");
        }

        foreach (var recorded in decision.Events)
        {
            events.Record(entity.Reference(), recorded.Type, recorded.Reason, ServiceStatusNames.EventAction, recorded.Note);
        }

        Log(service, decision);
        return nodeSnapshot.MovedSince(nodesVersion) ? LookAgainAfterEcho(key, done) : done;
    }

    // A node changed while this reconcile ran. Its watch judged this Service by the cached status, which predates the
    // write just made, so it may have skipped a Service that the change does affect (whether a Service has an address
    // decides that): look again once the cache has the write, with the nodes as they are then.
    private ReconciliationResult LookAgainAfterEcho(ObjectKey key, ReconciliationResult done)
    {
        written.AwaitEcho(key);
        var cached = informers.GetInformer<CachedService>().Store.Get(key);
        return cached is null ? done
            : written.CacheIsBehind(key, cached) ? ReconciliationResult.Success(WrittenStatuses.EchoFallback)
            : ReconciliationResult.Success(LookAgainNow);
    }

    private async Task<ReconciliationResult> AwaitEchoAsync(ObjectKey key, CachedService entity, CancellationToken cancellationToken)
    {
        if (written.AwaitEcho(key))
        {
            ServiceControllerLog.AwaitingEcho(logger, key.Namespace, key.Name, entity.ResourceVersion, WrittenStatuses.EchoFallback);
        }

        // The echo may have been delivered after the check above but before the filter knew it was awaited.
        var cached = informers.GetInformer<CachedService>().Store.Get(key);
        if (cached is null)
        {
            return ReconciliationResult.Success();
        }

        return written.CacheIsBehind(key, cached)
            ? ReconciliationResult.Success(WrittenStatuses.EchoFallback)
            : await ReconcileAsync(cached, cancellationToken).ConfigureAwait(false);
    }

    // Not ours (any more): remove our condition, and the ingress when it is still what we wrote.
    private async Task<ReconciliationResult> ReleaseAsync(CachedService entity, ServiceFacts service, CancellationToken cancellationToken)
    {
        if (StatusDecider.Release(entity, service.UnmanagedReason ?? "not managed") is not { } release)
        {
            return ReconciliationResult.Success();
        }

        var (outcome, error) = await applier.ReleaseAsync(entity, release, cancellationToken).ConfigureAwait(false);
        if (outcome != StatusWriteOutcome.Written)
        {
            return ReconciliationResult.Failure(error ?? "status write failed");
        }

        var cleared = release.ClearsIngress
            ? $" and the addresses it had written ({new ServiceControllerLog.ShortList(release.CurrentIngress)})"
            : release.CurrentIngress.Count > 0 ? "; the addresses there were not written by it and stay" : string.Empty;
        events.Record(entity.Reference(), EventType.Normal, ServiceStatusNames.ReleasedReason, ServiceStatusNames.EventAction, $"not managed by nodeipam any more ({release.Why}): removed its condition{cleared}");
        ServiceControllerLog.Released(logger, service.Namespace, service.Name, release.Why, cleared);
        return ReconciliationResult.Success();
    }

    private ServicePlan Plan(ServiceFacts service, IReadOnlyCollection<NodeFacts> nodes, DateTimeOffset now)
    {
        IReadOnlyCollection<EndpointSliceFacts> slices = [];
        if (service.IsLocal)
        {
            slices = informers.GetInformer<EndpointSliceFacts>().Store
                .ByIndex(CacheIndexes.SlicesByService, CacheIndexes.ServiceValue(service.Namespace, service.Name));
        }

        return ServicePlanner.Plan(service, nodes, slices, planning, now);
    }

    private void Log(ServiceFacts service, StatusDecision decision)
    {
        if (decision.Condition.Reason == ServiceStatusNames.InvalidSelectorReason)
        {
            ServiceControllerLog.InvalidSelector(logger, service.Namespace, service.Name, decision.Condition.Message);
        }
        else if (decision.Ingress is { } ingress)
        {
            ServiceControllerLog.AddressesChanged(
                logger,
                service.Namespace,
                service.Name,
                new ServiceControllerLog.ShortList(decision.CurrentIngress.Head, decision.CurrentIngress.Count),
                new ServiceControllerLog.ShortList(ingress),
                decision.Condition.Message);
        }
        else
        {
            ServiceControllerLog.ConditionChanged(logger, service.Namespace, service.Name, decision.Condition.Reason, decision.Condition.Message);
        }
    }
}
