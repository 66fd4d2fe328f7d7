using System.Net;
using System.Net.Sockets;
using k8s;
using k8s.Autorest;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// <c>plan</c> without <c>-f</c>: reads the objects a plan needs from a live cluster through paged LISTs, read-only
/// (no write, no watch). The result is the same <see cref="ClusterDump"/> a file gives, so both print the same plan.
/// </summary>
internal static class LiveClusterReader
{
    /// <summary>Objects per LIST page: kubectl's own chunk size, small enough for any API server's limits.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// Every Node; the Services of <paramref name="ns"/> (all namespaces when null), only <paramref name="name"/> when
    /// given; and the EndpointSlices of those Services. A failed LIST is an <see cref="InputException"/> in one line.
    /// </summary>
    public static async Task<ClusterDump> ReadAsync(IKubernetes client, string? ns, string? name, CancellationToken cancellationToken)
    {
        var where = ns is null ? "in any namespace" : $"in namespace \"{ns}\"";
        var nodes = await ListAsync(
            "nodes",
            "",
            page => client.CoreV1.ListNodeAsync(continueParameter: page, limit: PageSize, cancellationToken: cancellationToken),
            list => (list.Items, list.Metadata?.ContinueProperty));
        var fieldSelector = name is null ? null : $"metadata.name={name}";
        var services = await ListAsync(
            "services",
            where,
            page => ns is null
                ? client.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: page, fieldSelector: fieldSelector, limit: PageSize, cancellationToken: cancellationToken)
                : client.CoreV1.ListNamespacedServiceAsync(ns, continueParameter: page, fieldSelector: fieldSelector, limit: PageSize, cancellationToken: cancellationToken),
            list => (list.Items, list.Metadata?.ContinueProperty));
        var labelSelector = name is null ? null : $"{WellKnown.ServiceNameLabel}={name}";
        var slices = await ListAsync(
            "endpointslices.discovery.k8s.io",
            where,
            page => ns is null
                ? client.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(continueParameter: page, labelSelector: labelSelector, limit: PageSize, cancellationToken: cancellationToken)
                : client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, continueParameter: page, labelSelector: labelSelector, limit: PageSize, cancellationToken: cancellationToken),
            list => (list.Items, list.Metadata?.ContinueProperty));
        return new ClusterDump(nodes, services, slices);
    }

    private static async Task<List<T>> ListAsync<TList, T>(
        string resource,
        string where,
        Func<string?, Task<TList>> list,
        Func<TList, (IList<T> Items, string? Continue)> page)
    {
        var items = new List<T>();
        string? next = null;
        do
        {
            TList result;
            try
            {
                result = await list(next);
            }
            catch (HttpOperationException e)
            {
                throw new InputException(Describe(e, resource, where), e);
            }
            catch (HttpRequestException e)
            {
                throw new InputException($"cannot reach the cluster: {OneLine(e)}", e);
            }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                throw new InputException("cannot reach the cluster: the request timed out", e);
            }

            (var pageItems, next) = page(result);
            items.AddRange(pageItems ?? []);
        }
        while (!string.IsNullOrEmpty(next));

        return items;
    }

    private static string Describe(HttpOperationException e, string resource, string where)
    {
        var verb = $"cannot list {resource}{(where.Length == 0 ? "" : " " + where)}";
        return e.Response?.StatusCode switch
        {
            HttpStatusCode.Forbidden => $"{verb}: forbidden (the kubeconfig's user lacks RBAC permission to list {resource})",
            HttpStatusCode.Unauthorized => $"{verb}: unauthorized (the kubeconfig's credentials were refused)",
            { } status => $"{verb}: the API server answered {(int)status} {status}",
            null => $"{verb}: {OneLine(e)}",
        };
    }

    private static string OneLine(Exception e)
    {
        var message = e.InnerException is SocketException socket ? $"{e.Message} ({socket.Message})" : e.Message;
        return string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
