using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Events;
using NodeIpam.Runtime.Informers;
using NodeIpam.Runtime.LeaderElection;
using NodeIpam.Runtime.Metrics;
using NodeIpam.Runtime.Queue;

namespace NodeIpam.Runtime.Hosting;

/// <summary>
/// Runs one controller, as controller-runtime's Controller does:
/// <list type="number">
/// <item>subscribes to its kind's informer (changes that pass the filter enqueue their key) and to each secondary
/// watch (changes enqueue the keys the mapper returns);</item>
/// <item>waits until every one of those informers has synced, then until this process leads;</item>
/// <item>runs <see cref="OperatorSettings.MaxConcurrentReconciles"/> workers. Each takes a key, reads the current
/// object from the cache (a key no longer cached was deleted: nothing to do), and calls the controller with a token
/// cancelled on shutdown or when leadership is lost. Success forgets the key's backoff (and schedules it again after
/// RequeueAfter); a failure or an exception requeues it with backoff. One failing object never stops the others,
/// and no exception leaves a worker;</item>
/// <item>on leadership loss, stops at once (in-flight tokens cancelled, no new reconcile); on shutdown, cancels,
/// then waits up to <see cref="OperatorSettings.GracefulShutdownTimeout"/> for in-flight reconciles to return.</item>
/// </list>
/// A new controller instance is resolved in its own service scope for every reconcile.
/// </summary>
internal sealed class ControllerHost<TController, TEntity> : BackgroundService, IControllerStatus, IEventYield
    where TController : class, IEntityController<TEntity>
    where TEntity : class
{
    private readonly ControllerDefinition<TEntity> _definition;
    private readonly IInformerFactory _informers;
    private readonly ILeadership _leadership;
    private readonly IServiceProvider _services;
    private readonly IServiceScopeFactory _scopes;
    private readonly OperatorSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerMetrics _metrics;
    private readonly RateLimitingQueue _queue;
    private volatile bool _cachesSynced;
    private volatile ControllerHostState _state = ControllerHostState.Created;

    public ControllerHost(
        ControllerDefinition<TEntity> definition,
        IInformerFactory informers,
        ILeadership leadership,
        IServiceProvider services,
        RuntimeMetrics metrics,
        OperatorSettings settings,
        TimeProvider time,
        ILogger<ControllerHost<TController, TEntity>> logger)
    {
        _definition = definition;
        _informers = informers;
        _leadership = leadership;
        _services = services;
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _settings = settings;
        _time = time;
        _logger = logger;
        _metrics = new ControllerMetrics(metrics, definition.Name);
        _queue = new RateLimitingQueue(RateLimiters.Default(time), time, new WorkQueueMetrics(metrics, definition.Name));
    }

    public string Name => _definition.Name;

    public bool CachesSynced => _cachesSynced;

    /// <summary>Keys are queued: Events give way to this controller's writes.</summary>
    public bool HasPendingWork => _queue.Length > 0;

    /// <summary>Where the host is in its life.</summary>
    internal ControllerHostState State => _state;

    /// <summary>The controller's queue, for tests.</summary>
    internal RateLimitingQueue Queue => _queue;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel first (ExecuteAsync's token cancels in-flight reconciles), then give them a bounded time to return.
        var stopping = base.StopAsync(cancellationToken);
        using var bound = new CancellationTokenSource(_settings.GracefulShutdownTimeout, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(bound.Token, cancellationToken);
        if (!await _queue.ShutDownWithDrainAsync(either.Token))
        {
            // A reconcile ignores its token: leave it behind rather than hold the process hostage.
            ControllerLog.DrainTimedOut(_logger, Name, _settings.GracefulShutdownTimeout);
            return;
        }

        await stopping;
    }

    public override void Dispose()
    {
        _queue.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var primary = _informers.GetInformer<TEntity>();
        var subscriptions = new List<IDisposable>();
        try
        {
            subscriptions.Add(primary.AddEventHandler(new PrimaryEventHandler<TEntity>(Name, _definition.Filter, _queue.Add, _logger)));
            var syncTargets = new List<IInformerSyncTarget> { new InformerSyncTarget<TEntity>(primary) };
            foreach (var watch in _definition.Watches)
            {
                subscriptions.Add(watch.Attach(_informers, _services, _queue.Add, _logger));
                syncTargets.Add(watch.Informer(_informers));
            }

            _state = ControllerHostState.WaitingForSync;
            ControllerLog.WaitingForSync(_logger, Name);
            await Task.WhenAll(syncTargets.Select(t => t.WaitForSyncAsync(stoppingToken)));
            _cachesSynced = true;
            MemoryTrimmer.CompactAfterInitialSync();
            _state = ControllerHostState.WaitingForLeadership;
            ControllerLog.WaitingForLeadership(_logger, Name);
            await _leadership.WaitForLeadershipAsync(stoppingToken);

            using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _leadership.LeadershipLost);
            await using var stopQueue = running.Token.Register(_queue.ShutDown);
            var workers = Math.Max(1, _settings.MaxConcurrentReconciles);
            _metrics.MaxConcurrentReconciles.Set(workers);
            _state = ControllerHostState.Running;
            ControllerLog.StartingWorkers(_logger, Name, workers);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkerAsync(primary.Store, running.Token), CancellationToken.None)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _state = ControllerHostState.Stopped;
            _queue.ShutDown();
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            ControllerLog.Stopped(_logger, Name);
        }
    }

    private async Task WorkerAsync(IStore<TEntity> store, CancellationToken token)
    {
        while (await _queue.GetAsync(CancellationToken.None) is { } key)
        {
            try
            {
                await ProcessAsync(store, key, token);
            }
            catch (Exception exception)
            {
                // ProcessAsync handles reconcile failures; this is a bug in the host itself. Keep the worker alive.
                ControllerLog.WorkerFailed(_logger, exception, Name);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(IStore<TEntity> store, ObjectKey key, CancellationToken token)
    {
        var entity = store.Get(key);
        if (entity is null)
        {
            _queue.Forget(key);
            ControllerLog.ObjectGone(_logger, Name, key);
            return;
        }

        ReconciliationResult? result;
        _metrics.ActiveWorkers.Inc();
        var started = _time.GetTimestamp();
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var controller = scope.ServiceProvider.GetRequiredService<TController>();
            result = await controller.ReconcileAsync(entity, token);
            result ??= ReconciliationResult.Failure("The controller returned no result.");
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            ControllerLog.ReconcileInterrupted(_logger, Name, key);
            return;
        }
        catch (Exception exception)
        {
            result = ReconciliationResult.Failure(exception.Message, exception);
        }
        finally
        {
            _metrics.ReconcileTime.Observe(_time.GetElapsedTime(started).TotalSeconds);
            _metrics.ActiveWorkers.Dec();
        }

        Complete(key, result);
    }

    private void Complete(ObjectKey key, ReconciliationResult result)
    {
        if (!result.IsSuccess)
        {
            _queue.AddRateLimited(key);
            _metrics.Errors.Inc();
            _metrics.Error.Inc();
            ControllerLog.ReconcileFailed(
                _logger, result.Error, Name, key, _queue.NumRequeues(key), result.ErrorMessage ?? "unknown error");
            return;
        }

        _queue.Forget(key);
        if (result.RequeueAfter is { } after && after > TimeSpan.Zero)
        {
            _queue.AddAfter(key, after);
            _metrics.RequeueAfter.Inc();
            ControllerLog.ReconciledRequeueAfter(_logger, Name, key, after);
            return;
        }

        _metrics.Success.Inc();
        ControllerLog.Reconciled(_logger, Name, key);
    }
}
