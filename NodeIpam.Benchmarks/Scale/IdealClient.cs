using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// The limit the operator's cold start is compared with: a client that does the least any correct controller must do
/// on the same server, in the benchmark's process (no process start, no JIT of a new program beyond this class, no
/// caches). It LISTs Nodes, Services and EndpointSlices in pages (reading the bytes, keeping only each Service's
/// resourceVersion), holds one Service watch open, and PATCHes every managed Service's status with the answer known
/// in advance (the domain's plan, written as the operator would write it) over
/// <see cref="Connections"/> keep-alive connections. Its time runs from its first request until the benchmark's
/// status watch shows every status right. Over TLS it validates the simulator's certificate and speaks HTTP/1.1 (the
/// HttpClient default), so it keeps its shape: one TLS connection per writer, each handshake paid once.
/// </summary>
internal sealed class IdealClient
{
    /// <summary>Concurrent writers, one keep-alive connection each: the operator's default worker count.</summary>
    public const int Connections = 8;

    /// <summary>The informers' page size (client-go's reflector), so both read the same pages.</summary>
    private const int PageSize = 500;

    private readonly KubeApiSimulator _server;
    private readonly IReadOnlyDictionary<string, ServicePlan> _plans;

    public IdealClient(KubeApiSimulator server, IReadOnlyDictionary<string, ServicePlan> plans)
    {
        _server = server;
        _plans = plans;
    }

    /// <summary>
    /// Runs the client; returns the <see cref="Stopwatch"/> timestamp of its first request. The caller measures up to
    /// the convergence its own watch reports.
    /// </summary>
    public async Task<long> RunAsync(Task converged, CancellationToken ct)
    {
        // What to write is known before the clock starts: only the resourceVersion comes from the LIST.
        var now = DateTimeOffset.UtcNow;
        var decisions = _plans.ToDictionary(
            p => p.Key,
            p => StatusDecider.Decide(ServiceAdapter.From(EmptyService(p.Key), ManagementOptions.Default), p.Value, now),
            StringComparer.Ordinal);

        using var handler = _server.CreateHttpHandler();
        handler.MaxConnectionsPerServer = Connections + 1;
        handler.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5);
        using var http = new HttpClient(handler) { BaseAddress = _server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var start = Stopwatch.GetTimestamp();
        await DrainListAsync(http, "api/v1/nodes", null, ct);
        await DrainListAsync(http, "apis/discovery.k8s.io/v1/endpointslices", null, ct);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var listVersion = await DrainListAsync(http, $"api/v1/namespaces/{ClusterObjects.Namespace}/services", versions, ct);

        using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = HoldWatchAsync(http, listVersion, stopWatch.Token);
        var next = -1;
        var names = decisions.Keys.ToArray();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < names.Length)
                {
                    var decision = decisions[names[i]];
                    await PatchAsync(http, names[i], StatusPatch.Build(versions[names[i]], decision.Ingress, decision.Condition), ct);
                }
            },
            ct)));
        await converged.WaitAsync(ct);
        await stopWatch.CancelAsync();
        await watch;
        return start;
    }

    /// <summary>
    /// Clears what a status writer put on every managed Service (the ingress and our condition) with one status
    /// PATCH each, so that the operator then starts from the same state the ideal client did.
    /// </summary>
    public static async Task ClearAsync(KubeApiSimulator server, IEnumerable<string> services, CancellationToken ct)
    {
        const string Clear = """{"status":{"loadBalancer":{"ingress":null},"conditions":null}}""";
        using var http = new HttpClient(server.CreateHttpHandler()) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        foreach (var name in services)
        {
            using var content = new StringContent(Clear, Encoding.UTF8, "application/merge-patch+json");
            using var response = await http.PatchAsync(StatusUri(name), content, ct);
            response.EnsureSuccessStatusCode();
        }
    }

    private static V1Service EmptyService(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ClusterObjects.Namespace },
        Status = new V1ServiceStatus(),
    };

    private static Uri StatusUri(string name) =>
        new($"api/v1/namespaces/{ClusterObjects.Namespace}/services/{name}/status", UriKind.Relative);

    private static async Task PatchAsync(HttpClient http, string name, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/strategic-merge-patch+json");
        using var response = await http.PatchAsync(StatusUri(name), content, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"ideal client: PATCH {name}/status answered {(int)response.StatusCode}");
        }
    }

    // Reads every page of a list. Only Services are parsed (for their resourceVersions); the others are read as bytes,
    // the least a client can do with them. Returns the list's resourceVersion.
    private static async Task<string> DrainListAsync(HttpClient http, string path, Dictionary<string, string>? versions, CancellationToken ct)
    {
        var token = "";
        var listVersion = "0";
        do
        {
            var uri = new Uri(
                string.Create(CultureInfo.InvariantCulture, $"{path}?limit={PageSize}{(token.Length > 0 ? "&continue=" + Uri.EscapeDataString(token) : "")}"),
                UriKind.Relative);
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            (token, listVersion) = ListMetadata(bytes, versions);
        }
        while (token.Length > 0);
        return listVersion;
    }

    private static (string Continue, string ResourceVersion) ListMetadata(byte[] page, Dictionary<string, string>? versions)
    {
        var reader = new Utf8JsonReader(page);
        var token = "";
        var version = "0";
        var depth0Property = "";
        var itemProperty = "";
        string? name = null;
        string? itemVersion = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var depth = reader.CurrentDepth;
            var property = reader.GetString();
            if (depth == 1)
            {
                depth0Property = property ?? "";
                continue;
            }

            if (depth == 3)
            {
                itemProperty = property ?? "";
            }

            if (depth0Property == "metadata" && depth == 2 && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                (token, version) = property == "continue" ? (reader.GetString() ?? "", version) : property == "resourceVersion" ? (token, reader.GetString() ?? "0") : (token, version);
            }
            else if (versions is not null && depth0Property == "items" && itemProperty == "metadata" && depth == 4 && property is "name" or "resourceVersion")
            {
                reader.Read();
                (name, itemVersion) = property == "name" ? (reader.GetString(), itemVersion) : (name, reader.GetString());
                if (name is not null && itemVersion is not null)
                {
                    versions[name] = itemVersion;
                    (name, itemVersion) = (null, null);
                }
            }
        }

        return (token, version);
    }

    // The one watch a controller keeps on what it writes; its events are read and dropped.
    private static async Task HoldWatchAsync(HttpClient http, string resourceVersion, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var uri = new Uri($"api/v1/namespaces/{ClusterObjects.Namespace}/services?watch=1&allowWatchBookmarks=true&resourceVersion={resourceVersion}", UriKind.Relative);
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            while (await stream.ReadAsync(buffer, ct) > 0)
            {
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // A watch closed under us costs the ideal client nothing: it has no cache to keep.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
