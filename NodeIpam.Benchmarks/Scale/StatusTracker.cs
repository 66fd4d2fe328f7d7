using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// Watches the Services over HTTP or HTTPS, trusting the simulator's certificate (as any client would) and tells, for the expected plans it is given, when every
/// Service's status says what the domain planned: nothing left to write by the operator's own decision rule. The
/// time of a convergence is the arrival of the watch event that completed it, so polling adds nothing to the figures.
/// Every event is also offered to <see cref="Inspect"/> (the soak checks each written status).
/// </summary>
internal sealed class StatusTracker : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, V1Service> _latest = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wrong = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyDictionary<string, ServicePlan> _expected = new Dictionary<string, ServicePlan>();
    private TaskCompletionSource<long> _converged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private string _resourceVersion = "";

    public StatusTracker(KubeApiSimulator simulator) =>
        _http = new HttpClient(simulator.CreateHttpHandler()) { BaseAddress = simulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Called for every Service whose ingress a watch event changed (a status write that set addresses), on the
    /// watch's thread. Relists are not inspected: they show statuses nobody wrote since.
    /// </summary>
    public Action<V1Service>? Inspect { get; init; }

    /// <summary>Watch events received.</summary>
    public long Events { get; private set; }

    /// <summary>Watch resumes that got 410 Expired and relisted (the soak compacts the history on purpose).</summary>
    public int Relists { get; private set; }

    /// <summary>Lists the Services and starts watching from there.</summary>
    public async Task StartAsync()
    {
        await ListAsync(_stop.Token);
        _loop = Task.Run(WatchLoopAsync);
    }

    /// <summary>
    /// From now on, compares with <paramref name="expected"/> (by Service name; others are ignored). Returns how many
    /// Services need a write and a task completing with the <see cref="Stopwatch"/> timestamp at which none does.
    /// </summary>
    public (int Wrong, Task<long> Converged) Expect(IReadOnlyDictionary<string, ServicePlan> expected)
    {
        lock (_lock)
        {
            _expected = expected;
            _wrong.Clear();
            foreach (var name in expected.Keys)
            {
                if (!IsCorrect(name))
                {
                    _wrong.Add(name);
                }
            }

            _converged = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_wrong.Count == 0)
            {
                _converged.SetResult(Stopwatch.GetTimestamp());
            }

            return (_wrong.Count, _converged.Task);
        }
    }

    /// <summary>The Services whose status differs from the expected plan now.</summary>
    public IReadOnlyList<string> Wrong()
    {
        lock (_lock)
        {
            return [.. _wrong.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The Service as last seen on the watch.</summary>
    public V1Service? Latest(string name)
    {
        lock (_lock)
        {
            return _latest.GetValueOrDefault(name);
        }
    }

    /// <summary>The advertised IPs of a Service as last seen.</summary>
    public IReadOnlyList<string> Ingress(string name) =>
        [.. Latest(name)?.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip ?? i.Hostname ?? "") ?? []];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _http.Dispose();
    }

    // A relist replaces everything, as an informer does; statuses written and overwritten while the watch was down are
    // not seen (Inspect sees the listed ones).
    private async Task ListAsync(CancellationToken ct)
    {
        var list = JsonNode.Parse(await _http.GetStringAsync(new Uri($"api/v1/namespaces/{ClusterObjects.Namespace}/services", UriKind.Relative), ct))!;
        var services = list["items"]!.AsArray().Select(item => KubernetesJson.Deserialize<V1Service>(item!.ToJsonString())).ToList();
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _latest.Clear();
            foreach (var service in services)
            {
                _latest[service.Metadata.Name] = service;
            }

            _wrong.Clear();
            _wrong.UnionWith(_expected.Keys.Where(name => !IsCorrect(name)));
            if (_wrong.Count == 0)
            {
                _converged.TrySetResult(now);
            }

            _resourceVersion = list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "0";
        }
    }

    private static bool SameIngress(V1Service? a, V1Service b) =>
        (a?.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip) ?? []).SequenceEqual(b.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip) ?? []);

    private bool IsCorrect(string name) =>
        _latest.TryGetValue(name, out var service) && _expected.TryGetValue(name, out var plan)
        && !StatusDecider.Decide(ServiceAdapter.From(service, ManagementOptions.Default), plan, DateTimeOffset.UtcNow).NeedsWrite;

    private async Task WatchLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var uri = new Uri(
                    string.Create(CultureInfo.InvariantCulture, $"api/v1/namespaces/{ClusterObjects.Namespace}/services?watch=1&allowWatchBookmarks=true&resourceVersion={_resourceVersion}"),
                    UriKind.Relative);
                using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.Length > 0 && !Handle(line))
                    {
                        Relists++;
                        await ListAsync(_stop.Token);
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _stop.Token);
            }
        }
    }

    // False when the watch must be restarted from a fresh list (410 Expired).
    private bool Handle(string line)
    {
        var now = Stopwatch.GetTimestamp();
        var node = JsonNode.Parse(line)!;
        var type = node["type"]?.GetValue<string>();
        var obj = node["object"]!;
        var rv = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (type == "ERROR")
        {
            return obj["code"]?.GetValue<int>() == 410
                ? false
                : throw new InvalidOperationException($"the Service watch failed: {obj.ToJsonString()}");
        }

        if (rv is not null)
        {
            _resourceVersion = rv;
        }

        if (type is not ("ADDED" or "MODIFIED" or "DELETED"))
        {
            return true;
        }

        var service = KubernetesJson.Deserialize<V1Service>(obj.ToJsonString());
        var name = service.Metadata.Name;
        if (Inspect is { } inspect && !SameIngress(Latest(name), service))
        {
            inspect(service);
        }

        lock (_lock)
        {
            Events++;
            if (type == "DELETED")
            {
                _latest.Remove(name);
            }
            else
            {
                _latest[name] = service;
            }

            if (!_expected.ContainsKey(name))
            {
                return true;
            }

            if (IsCorrect(name))
            {
                _wrong.Remove(name);
            }
            else
            {
                _wrong.Add(name);
            }

            if (_wrong.Count == 0)
            {
                _converged.TrySetResult(now);
            }
        }

        return true;
    }
}
