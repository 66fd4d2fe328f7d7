using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NodeIpam.Simulator.Tests.Support;

/// <summary>Raw HTTP access to a simulator, for tests of the wire protocol.</summary>
internal sealed class RawApi(KubeApiSimulator simulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http => _http;

    public Task<(HttpStatusCode Code, JsonObject Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, null);

    public Task<(HttpStatusCode Code, JsonObject Body)> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json, "application/json");

    public Task<(HttpStatusCode Code, JsonObject Body)> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json, "application/json");

    public Task<(HttpStatusCode Code, JsonObject Body)> PatchAsync(string path, string body, string contentType) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<(HttpStatusCode Code, JsonObject Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null, null);

    /// <summary>Creates an object and returns the stored version (fails the test on an error).</summary>
    public async Task<JsonObject> CreateAsync(string collectionPath, string json)
    {
        var (code, body) = await PostAsync(collectionPath, json);
        code.Should().Be(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public static string Rv(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();

    public static long RvNumber(JsonObject obj) => long.Parse(Rv(obj), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();
}
