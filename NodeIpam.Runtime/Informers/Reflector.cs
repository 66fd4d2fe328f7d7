using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Informers;

/// <summary>
/// client-go's reflector for one kind: LIST (paginated, restarted when a continue token expires) then WATCH from
/// the list's resourceVersion with bookmarks and a random timeoutSeconds in [min, 2*min). The resourceVersion
/// advances on every event and bookmark. A watch that ends normally is re-opened from the last resourceVersion
/// without a relist (an empty watch shorter than a second counts as a failure so a server that closes at once
/// cannot cause a hot loop). 410 Gone, as an ERROR event or as the watch's HTTP status, triggers an immediate
/// relist (the informer diffs it against its cache). Any other failure backs off (<see cref="ReconnectBackoff"/>)
/// and retries the step that failed: the list, or the watch from the last resourceVersion. A watch silent for
/// longer than the idle timeout is treated as half-open and re-opened.
/// </summary>
internal sealed class Reflector<TEntity, TCached>(
    KubeApiConnection api,
    ResourcePaths paths,
    InformerOptions options,
    JsonSerializerOptions readOptions,
    IReflectorSink<TEntity, TCached> sink,
    TimeProvider time,
    ILogger logger,
    Func<double> random)
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan VeryShortWatch = TimeSpan.FromSeconds(1);
    private long _lastProgressTicks;
    private bool _progressSinceFailure;
    private volatile string? _resourceVersion;

    /// <summary>When the last list completed or the last watch event or bookmark arrived (for liveness checks).</summary>
    public DateTimeOffset LastProgress => new(Interlocked.Read(ref _lastProgressTicks), TimeSpan.Zero);

    /// <summary>The resourceVersion the next watch starts from; null when a (re)list is due.</summary>
    public string? ResourceVersion => _resourceVersion;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(options, time, random);
        var isInitial = true;
        MarkProgress();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_resourceVersion is null)
                {
                    await ListAsync(isInitial, cancellationToken).ConfigureAwait(false);
                    isInitial = false;
                }

                await WatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubeApiException e) when (e.IsGone && _resourceVersion is not null)
            {
                // The watch's resourceVersion is too old. (A 410 on the list itself is an ordinary failure: backing
                // off avoids a hot loop against a server that keeps answering it.)
                logger.Relisting(paths.Kind, _resourceVersion, e.Message);
                _resourceVersion = null;
            }
            catch (Exception e)
            {
                if (_progressSinceFailure)
                {
                    backoff.Reset();
                    _progressSinceFailure = false;
                }

                var delay = backoff.NextDelay();
                logger.ListWatchFailed(paths.Kind, delay, e);
                try
                {
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListAsync(bool isInitial, CancellationToken cancellationToken)
    {
        // Each item is transformed as soon as it is read, so a list of 5,000 heavy nodes never exists untransformed.
        var items = new List<CacheEntry<TCached>>();
        string? continueToken = null;
        var resourceVersion = string.Empty;
        do
        {
            var uri = $"{paths.Collection()}?limit={options.PageSize}"
                + (continueToken is null ? string.Empty : $"&continue={Uri.EscapeDataString(continueToken)}");
            using var response = await api.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Gone && continueToken is not null)
            {
                logger.ListContinueExpired(paths.Kind);
                items.Clear();
                continueToken = null;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await KubeApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var page = await ListPageReader.ReadAsync(
                    stream,
                    json =>
                    {
                        if (TryRead(json) is { } entity)
                        {
                            items.Add(sink.Prepare(entity));
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
                resourceVersion = page.ResourceVersion ?? string.Empty;
                continueToken = page.Continue;
            }
        }
        while (continueToken is not null);

        sink.Replace(items, isInitial);
        _resourceVersion = resourceVersion;
        _progressSinceFailure = true;
        MarkProgress();
        logger.Listed(paths.Kind, items.Count, resourceVersion);
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var timeoutSeconds = WatchTimeoutSeconds(options.MinWatchTimeout, random());
        var uri = $"{paths.Collection()}?watch=true&allowWatchBookmarks=true&timeoutSeconds={timeoutSeconds}"
            + $"&resourceVersion={Uri.EscapeDataString(_resourceVersion ?? string.Empty)}";
        using var watchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var idle = new StrongFlag();
        using var watchdog = time.CreateTimer(
            _ =>
            {
                idle.Set();
                watchCancellation.Cancel();
            },
            null,
            options.WatchIdleTimeout,
            Timeout.InfiniteTimeSpan);
        var started = time.GetUtcNow();
        var events = 0;
        try
        {
            using var response = await api.GetAsync(uri, watchCancellation.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await KubeApiException.FromResponseAsync(response, watchCancellation.Token).ConfigureAwait(false);
            }

            // An answered watch request is progress too: a server that sends no bookmarks must not look dead.
            MarkProgress();
            var stream = await response.Content.ReadAsStreamAsync(watchCancellation.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(watchCancellation.Token).ConfigureAwait(false) is { } line)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    watchdog.Change(options.WatchIdleTimeout, Timeout.InfiniteTimeSpan);
                    MarkProgress();
                    _progressSinceFailure = true;
                    events++;
                    HandleLine(line);
                }
            }
        }
        catch (OperationCanceledException) when (idle.IsSet && !cancellationToken.IsCancellationRequested)
        {
            logger.WatchIdle(paths.Kind, options.WatchIdleTimeout, _resourceVersion);
            return;
        }
        catch (IOException) when (idle.IsSet && !cancellationToken.IsCancellationRequested)
        {
            logger.WatchIdle(paths.Kind, options.WatchIdleTimeout, _resourceVersion);
            return;
        }

        if (events == 0 && time.GetUtcNow() - started < VeryShortWatch)
        {
            throw new KubeApiException($"very short watch: the server closed a watch from resourceVersion {_resourceVersion} at once with no event");
        }

        logger.WatchEnded(paths.Kind, _resourceVersion, events);
    }

    /// <summary>client-go's watch timeout: min × (1 + r) for r in [0, 1), so watches of many clients do not expire together.</summary>
    internal static int WatchTimeoutSeconds(TimeSpan minimum, double random) => (int)(minimum.TotalSeconds * (1 + random));

    private void HandleLine(string line)
    {
        string? type;
        JsonElement body;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
            type = document.RootElement.GetProperty("type").GetString();
            body = document.RootElement.GetProperty("object");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            logger.BadObject(paths.Kind, e);
            return;
        }

        using (document)
        {
            switch (type)
            {
                case "ADDED" or "MODIFIED" or "DELETED":
                    if (TryRead(JsonMarshal.GetRawUtf8Value(body)) is { } raw)
                    {
                        var entry = sink.Prepare(raw);
                        if (logger.IsEnabled(LogLevel.Debug))
                        {
                            logger.WatchEvent(paths.Kind, type, entry.Key, entry.ResourceVersion);
                        }

                        sink.Apply(type, entry);
                        _resourceVersion = entry.ResourceVersion ?? _resourceVersion;
                    }

                    break;
                case "BOOKMARK":
                    if (body.TryGetProperty("metadata", out var metadata) && OptionalString(metadata, "resourceVersion") is { } bookmark)
                    {
                        _resourceVersion = bookmark;
                    }

                    logger.Bookmark(paths.Kind, _resourceVersion);
                    break;
                case "ERROR":
                    throw StatusError(body);
                default:
                    logger.UnknownEventType(paths.Kind, type);
                    break;
            }
        }
    }

    private static KubeApiException StatusError(JsonElement body)
    {
        var code = body.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : 500;
        var reason = OptionalString(body, "reason") ?? string.Empty;
        var message = OptionalString(body, "message") ?? string.Empty;
        return new KubeApiException((HttpStatusCode)code, $"watch ERROR event: {reason} {message}".TrimEnd());
    }

    private TEntity? TryRead(ReadOnlySpan<byte> json)
    {
        try
        {
            return Checked(JsonSerializer.Deserialize<TEntity>(json, readOptions));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            logger.BadObject(paths.Kind, e);
            return default;
        }
    }

    private TEntity Checked(TEntity? entity)
    {
        if (entity?.Metadata?.Name is null)
        {
            throw new JsonException("the object has no metadata.name");
        }

        entity.ApiVersion ??= paths.ApiVersion;
        entity.Kind ??= paths.Kind;
        return entity;
    }

    private static string? OptionalString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private void MarkProgress() => Interlocked.Exchange(ref _lastProgressTicks, time.GetUtcNow().UtcTicks);

    /// <summary>A flag the watchdog's timer thread sets and the watch loop reads.</summary>
    private sealed class StrongFlag
    {
        private int _value;

        public bool IsSet => Volatile.Read(ref _value) == 1;

        public void Set() => Volatile.Write(ref _value, 1);
    }
}
