using System.Net;
using System.Net.Http.Headers;
using System.Text;
using k8s;

namespace NodeIpam.Runtime.Client;

/// <summary>
/// Raw HTTP access to the API server through a KubernetesClient <see cref="Kubernetes"/> instance: its
/// <see cref="HttpClient"/> (with its TLS set-up and any delegating handlers) and its credentials.
/// The informers, the lease lock, the event recorder and controllers' status writes use it instead of the generated
/// operations because they need the watch stream's ERROR events, the HTTP status of a failed watch, JSON they write
/// themselves, and answers they read only in part (the generated operations build the whole returned object).
/// </summary>
public sealed class KubeApiConnection
{
    private readonly Kubernetes _client;

    public KubeApiConnection(IKubernetes client)
    {
        _client = client as Kubernetes
            ?? throw new ArgumentException($"The runtime needs a {typeof(Kubernetes).FullName} client, got {client.GetType().FullName}.", nameof(client));
    }

    /// <summary>
    /// Sends a request; the response is returned as soon as its headers arrive (the body may be a stream), whatever
    /// its status. The caller disposes it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string relativeUri, string? jsonBody, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, relativeUri))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        if (_client.Credentials is not null)
        {
            await _client.Credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<HttpResponseMessage> GetAsync(string relativeUri, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativeUri, null, "application/json", cancellationToken);
}
