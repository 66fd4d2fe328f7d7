using System.Net;
using k8s;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Tests.Client;

public class KubeApiConnectionTests
{
    [Test]
    public async Task Requests_carry_the_client_credentials_and_go_through_its_handlers()
    {
        var capture = new CapturingHandler();
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1/base", AccessToken = "secret-token" }, capture);
        var api = new KubeApiConnection(client);

        using var response = await api.SendAsync(HttpMethod.Post, "api/v1/nodes", "{}", "application/json", CancellationToken.None);

        capture.Authorization.Should().Be("Bearer secret-token");
        capture.Uri.Should().Be(new Uri("http://127.0.0.1:1/base/api/v1/nodes"));
        capture.ContentType.Should().Be("application/json");
    }

    private sealed class CapturingHandler : DelegatingHandler
    {
        public string? Authorization { get; private set; }

        public Uri? Uri { get; private set; }

        public string? ContentType { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Uri = request.RequestUri;
            ContentType = request.Content?.Headers.ContentType?.MediaType;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
