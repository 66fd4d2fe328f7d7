using System.Net.Http.Headers;
using System.Text;
using NodeIpam.Benchmarks.Scale;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>Another client of the API server (a user, or a controller other than ours), writing JSON merge patches over HTTP.</summary>
internal sealed class SoakClient(Uri server, string userAgent) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { UserAgent = { new ProductInfoHeaderValue(userAgent, "1.0") } } };

    public string UserAgent => userAgent;

    /// <summary>Merge-patches Service <paramref name="name"/> (its <c>/status</c> when <paramref name="status"/>); throws unless 2xx.</summary>
    public async Task PatchServiceAsync(string name, string json, bool status)
    {
        var uri = new Uri($"api/v1/namespaces/{ClusterObjects.Namespace}/services/{name}{(status ? "/status" : "")}", UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Patch, uri) { Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json") };
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PATCH {uri} as {userAgent}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
