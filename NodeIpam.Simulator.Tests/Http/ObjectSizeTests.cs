using System.Net;
using System.Text;
using NodeIpam.Simulator.Storage;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Http;

/// <summary>etcd's size limit: a write that makes an object larger than 1.5 MiB fails as kube-apiserver fails it.</summary>
public sealed class ObjectSizeTests
{
    private const string Services = "/api/v1/namespaces/default/services";
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _api = new RawApi(_sim);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    [Test]
    public async Task A_status_write_over_the_limit_is_refused_with_etcds_error_and_changes_nothing()
    {
        var created = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"huge"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        // About 35 bytes per entry: 50,000 entries are some 1.7 MiB.
        var (code, body) = await _api.PatchAsync($"{Services}/huge/status", StatusWith(50_000), "application/merge-patch+json");

        code.Should().Be(HttpStatusCode.InternalServerError);
        Json.Str(body, "message").Should().Be("etcdserver: request is too large");
        Json.Str(body, "status").Should().Be("Failure");
        body["reason"].Should().BeNull("kube-apiserver passes etcd's error through without a reason");
        var (_, current) = await _api.GetAsync($"{Services}/huge");
        RawApi.Rv(current).Should().Be(RawApi.Rv(created));
        current["status"]?["loadBalancer"]?["ingress"].Should().BeNull();
    }

    [Test]
    public async Task A_status_write_under_the_limit_is_stored()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"large"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        // Some 1.2 MiB: over the operator's own 1 MiB ingress budget, under etcd's limit.
        var (code, body) = await _api.PatchAsync($"{Services}/large/status", StatusWith(36_000), "application/merge-patch+json");

        code.Should().Be(HttpStatusCode.OK, body.ToJsonString()[..Math.Min(300, body.ToJsonString().Length)]);
        var (_, stored) = await _api.GetAsync($"{Services}/large");
        stored["status"]!["loadBalancer"]!["ingress"]!.AsArray().Count.Should().Be(36_000);
        Encoding.UTF8.GetByteCount(stored.ToJsonString()).Should().BeLessThan(ObjectStore.MaxObjectBytes);
    }

    private static string StatusWith(int entries)
    {
        var json = new StringBuilder("""{"status":{"loadBalancer":{"ingress":[""");
        for (var i = 0; i < entries; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""{"ip":"10.{{i >> 16}}.{{(i >> 8) & 255}}.{{i & 255}}","ipMode":"VIP"}""");
        }

        return json.Append("]}}}").ToString();
    }
}
