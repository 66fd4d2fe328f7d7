using System.Net;
using System.Net.Sockets;
using System.Text;
using k8s;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Metrics;
using NodeIpam.Operator.Tests.Domain;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class StatusApplierTests
{
    [TestCase("""{"kind":"Service","metadata":{"name":"web","resourceVersion":"42"},"status":{}}""", "42")]
    [TestCase("""{"spec":{"x":{"resourceVersion":"1"}},"status":{"loadBalancer":{"ingress":[{"ip":"10.0.0.1"}]}},"metadata":{"managedFields":[{"resourceVersion":"2"}],"resourceVersion":"43"}}""", "43")]
    [TestCase("""{"kind":"Service","metadata":{"name":"web"}}""", null)]
    [TestCase("""{"metadata":{"resourceVersion":7}}""", null)]
    [TestCase("""not json""", null)]
    [TestCase("", null)]
    public void Of_the_answer_only_metadata_resource_version_is_read(string json, string? expected) =>
        StatusApplier.ResourceVersion(Encoding.UTF8.GetBytes(json)).Should().Be(expected);

    [Test]
    public async Task A_write_the_server_never_answers_fails_at_the_deadline_and_is_forgotten()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await listener.AcceptTcpClientAsync());
            }
        });
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}" });
        var written = new WrittenStatuses();
        var applier = new StatusApplier(new KubeApiConnection(client), new OperatorMetrics(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry())), written)
        {
            Timeout = TimeSpan.FromMilliseconds(300),
        };
        var service = ServiceAdapter.From(TestObjects.Service(), ManagementOptions.Default) with { ResourceVersion = "1" };
        var condition = new DesiredCondition("True", "AddressesAssigned", "m", DateTimeOffset.UnixEpoch);
        var decision = new StatusDecision(IngressFacts.Empty, ["10.0.0.1"], condition, NeedsWrite: true, []);

        var (outcome, error) = await applier.ApplyAsync(service, decision, CancellationToken.None);

        outcome.Should().Be(StatusWriteOutcome.Failed);
        error.Should().StartWith("status write timed out");
        var echo = TestObjects.Service();
        echo.Status = new k8s.Models.V1ServiceStatus
        {
            LoadBalancer = new k8s.Models.V1LoadBalancerStatus { Ingress = [new k8s.Models.V1LoadBalancerIngress { Ip = "10.0.0.1", IpMode = "VIP" }] },
            Conditions = [new k8s.Models.V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = "AddressesAssigned", Message = "m" }],
        };
        written.IsOwnWrite(service.Key, ServiceAdapter.From(echo, ManagementOptions.Default))
            .Should().BeFalse("a write that may or may not have landed is forgotten, so its echo, if any, is reconciled");
        listener.Stop();
        foreach (var connection in held)
        {
            connection.Dispose();
        }
    }
}
