using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Events;

/// <summary>
/// <see cref="IEventRecorder"/> for events.k8s.io/v1. <c>Record</c> decides (through
/// <see cref="EventCorrelator"/>) and queues; a background loop sends, one write at a time, in order. Writes are
/// never retried: a failure is logged and the event dropped (events are best-effort, as in client-go). Events for a
/// cluster-scoped object go to the <c>default</c> namespace, as client-go does. Events still queued when the host
/// stops are dropped.
/// </summary>
internal sealed class EventRecorder : BackgroundService, IEventRecorder
{
    private static readonly ResourcePaths Paths = new("events.k8s.io", "v1", "Event", "events");
    private readonly Lock _gate = new();
    private readonly Channel<EventWrite> _queue;
    private readonly EventCorrelator _correlator;
    private readonly KubeApiConnection _api;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventRecorder> _logger;
    private readonly IEventYield[] _yieldTo;
    private long _lastNameNanos;

    public EventRecorder(
        KubeApiConnection api, EventRecorderOptions options, TimeProvider time, ILogger<EventRecorder> logger, IEnumerable<IEventYield>? yieldTo = null)
    {
        _yieldTo = [.. yieldTo ?? []];
        _api = api;
        _options = options.Validate();
        _time = time;
        _logger = logger;
        _correlator = new EventCorrelator(options);
        _queue = Channel.CreateBounded<EventWrite>(
            new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string action, string? note)
    {
        var paths = regarding?.GetType().IsDefined(typeof(KubernetesEntityAttribute), false) == true ? ResourcePaths.For(regarding.GetType()) : null;
        Record(
            new V1ObjectReference
            {
                ApiVersion = regarding?.ApiVersion ?? paths?.ApiVersion,
                Kind = regarding?.Kind ?? paths?.Kind,
                NamespaceProperty = regarding?.Metadata?.NamespaceProperty,
                Name = regarding?.Metadata?.Name,
                Uid = regarding?.Metadata?.Uid,
                ResourceVersion = regarding?.Metadata?.ResourceVersion,
            },
            type,
            reason,
            action,
            note);
    }

    public void Record(V1ObjectReference regarding, EventType type, string reason, string action, string? note)
    {
        try
        {
            if (regarding?.Name is not { Length: > 0 } name)
            {
                _logger.Invalid(reason, "the regarding object has no name");
                return;
            }

            if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(action))
            {
                _logger.Invalid(reason, "reason and action are required");
                return;
            }

            var draft = NewDraft(regarding, name, type, reason, action, note);
            EventWrite? write;
            bool rateLimited;
            lock (_gate)
            {
                write = _correlator.Observe(draft, out rateLimited);
            }

            if (rateLimited)
            {
                _logger.RateLimited(reason, draft.Regarding.Kind, name);
            }
            else if (write is not null && !_queue.Writer.TryWrite(write))
            {
                _logger.QueueFull(reason, draft.Regarding.Kind, name, _options.QueueCapacity);
            }
        }
        catch (Exception e)
        {
            _logger.Invalid(reason, e.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var flush = _time.CreateTimer(_ => Flush(), null, _options.SeriesFlushInterval, _options.SeriesFlushInterval);
        try
        {
            await foreach (var write in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await GiveWayAsync(stoppingToken).ConfigureAwait(false);
                await SendAsync(write, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped.
        }
    }

    private void Flush()
    {
        IReadOnlyList<EventWrite> writes;
        lock (_gate)
        {
            writes = _correlator.Flush(_time.GetUtcNow());
        }

        foreach (var write in writes)
        {
            _queue.Writer.TryWrite(write);
        }
    }

    private EventDraft NewDraft(V1ObjectReference regarding, string name, EventType type, string reason, string action, string? note)
    {
        var now = _time.GetUtcNow();
        var nanos = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        lock (_gate)
        {
            // Two events in the same clock tick must not get the same name.
            nanos = Math.Max(nanos, _lastNameNanos + 1);
            _lastNameNanos = nanos;
        }

        var reference = new RegardingReference(
            regarding.ApiVersion ?? string.Empty,
            regarding.Kind ?? string.Empty,
            regarding.NamespaceProperty ?? string.Empty,
            name,
            regarding.Uid,
            regarding.ResourceVersion);
        return new EventDraft(
            reference.Namespace.Length > 0 ? reference.Namespace : "default",
            $"{name}.{nanos:x}",
            now,
            reference,
            type,
            reason,
            action,
            EventJson.TruncateNote(note, RuntimeDefaults.EventNoteMaxLength));
    }

    // While a controller has work waiting, the Event waits (up to EventYieldMax): its write competes with theirs.
    private async Task GiveWayAsync(CancellationToken cancellationToken)
    {
        var since = _time.GetTimestamp();
        while (Array.Exists(_yieldTo, y => y.HasPendingWork) && _time.GetElapsedTime(since) < RuntimeDefaults.EventYieldMax)
        {
            await Task.Delay(RuntimeDefaults.EventYieldPoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(EventWrite write, CancellationToken cancellationToken)
    {
        var draft = write is CreateEvent create ? create.Draft : ((PatchSeries)write).Draft;
        try
        {
            if (write is PatchSeries patch)
            {
                using var patched = await _api.SendAsync(
                    HttpMethod.Patch, Paths.Item(draft.Namespace, draft.Name), EventJson.SeriesPatch(patch.Count, patch.LastObserved),
                    "application/merge-patch+json", cancellationToken).ConfigureAwait(false);
                if (patched.StatusCode != HttpStatusCode.NotFound)
                {
                    await EnsureSuccessAsync(patched, cancellationToken).ConfigureAwait(false);
                    _logger.Sent(draft.Namespace, draft.Name, patch.Count);
                    return;
                }

                // The Event expired (the API server keeps them for an hour by default): create it again, series included.
                await PostAsync(draft, patch.Count, patch.LastObserved, cancellationToken).ConfigureAwait(false);
                return;
            }

            await PostAsync(draft, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _logger.SendFailed(draft.Namespace, draft.Name, e);
        }
    }

    private async Task PostAsync(EventDraft draft, int? count, DateTimeOffset? lastObserved, CancellationToken cancellationToken)
    {
        using var response = await _api.SendAsync(
            HttpMethod.Post, Paths.Collection(draft.Namespace), EventJson.Create(draft, _options, count, lastObserved),
            "application/json", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        _logger.Sent(draft.Namespace, draft.Name, count ?? 1);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await KubeApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
