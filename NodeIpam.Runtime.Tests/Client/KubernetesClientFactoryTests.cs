using System.Collections.Concurrent;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Metrics;
using NodeIpam.Runtime.Tests.Metrics;

namespace NodeIpam.Runtime.Tests.Client;

public sealed class KubernetesClientFactoryTests
{
    private const string EmptyNodeList = """{"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[]}""";

    [Test]
    public async Task Requests_carry_the_operator_user_agent_and_are_counted_by_code_method_and_host()
    {
        var userAgents = new ConcurrentQueue<string>();
        await using var server = await TestApiServer.StartAsync(async context =>
        {
            userAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
            if (context.Request.Path == "/api/v1/nodes")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(EmptyNodeList);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        });
        var registry = RuntimeMetrics.CreateRegistry();
        var factory = new KubernetesClientFactory(new RuntimeMetrics(registry), new OperatorSettings { Version = "1.2.3" }.Client);
        using var client = factory.Create(new KubernetesClientConfiguration { Host = server.Address.ToString() });

        await client.CoreV1.ListNodeAsync();
        await client.CoreV1.ListNodeAsync();
        await FluentActions.Awaiting(() => client.CoreV1.ReadNodeAsync("missing")).Should().ThrowAsync<HttpOperationException>();

        userAgents.Should().AllBe("nodeipam-operator/1.2.3");
        var host = server.Address.Authority;
        registry.Export().Should()
            .Contain($"rest_client_requests_total{{code=\"200\",method=\"GET\",host=\"{host}\"}} 2\n")
            .And.Contain($"rest_client_requests_total{{code=\"404\",method=\"GET\",host=\"{host}\"}} 1\n");
    }

    [Test]
    public async Task A_request_without_a_response_is_counted_as_error()
    {
        var registry = RuntimeMetrics.CreateRegistry();
        var factory = new KubernetesClientFactory(new RuntimeMetrics(registry), new OperatorSettings().Client);
        await using var server = await TestApiServer.StartAsync(_ => Task.CompletedTask);
        var address = server.Address;
        await server.DisposeAsync();
        using var client = factory.Create(new KubernetesClientConfiguration { Host = address.ToString() });

        await FluentActions.Awaiting(() => client.CoreV1.ListNodeAsync()).Should().ThrowAsync<HttpRequestException>();

        registry.Export().Should().Contain($"rest_client_requests_total{{code=\"<error>\",method=\"GET\",host=\"{address.Authority}\"}} 1\n");
    }

    // Real time on purpose: the point is KubernetesClient's own per-request timeout, which runs on the wall clock.
    // The ordinary request shows the timeout is armed; the watch shows it is lifted for watches.
    [Test]
    public async Task A_watch_outlives_the_per_request_timeout_that_cuts_an_ordinary_request()
    {
        var delay = TimeSpan.FromMilliseconds(900);
        await using var server = await TestApiServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Query["watch"] == "true")
            {
                await context.Response.Body.FlushAsync();
                await Task.Delay(delay);
                await context.Response.WriteAsync(
                    """{"type":"ADDED","object":{"kind":"Node","apiVersion":"v1","metadata":{"name":"n1","resourceVersion":"8"}}}""" + "\n");
                return;
            }

            await Task.Delay(delay);
            await context.Response.WriteAsync(EmptyNodeList);
        });
        var factory = new KubernetesClientFactory(new RuntimeMetrics(RuntimeMetrics.CreateRegistry()), new OperatorSettings().Client);
        using var client = factory.Create(new KubernetesClientConfiguration
        {
            Host = server.Address.ToString(),
            HttpClientTimeout = TimeSpan.FromMilliseconds(200),
        });

        await FluentActions.Awaiting(() => client.CoreV1.ListNodeAsync()).Should().ThrowAsync<OperationCanceledException>();

        var events = new List<(WatchEventType Type, V1Node Node)>();
        await foreach (var (type, node) in client.CoreV1.WatchListNodeAsync(onError: exception => throw exception))
        {
            events.Add((type, node));
        }

        events.Should().ContainSingle().Which.Node.Metadata.Name.Should().Be("n1");
    }
}
