using System.Net;
using System.Net.Http.Headers;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodeIpam.Operator.Hosting;
using NodeIpam.Operator.Tests.Integration;
using NodeIpam.Runtime.Health;
using NodeIpam.Simulator;

namespace NodeIpam.Operator.Tests.Deploy;

/// <summary>
/// The operator, authenticated as the deployment's ServiceAccount, against a simulator that enforces the RBAC of
/// the rendered manifests: the generated roles grant everything it uses (no request is denied while it assigns
/// addresses, records Events and leads), and deny what it does not need.
/// </summary>
public sealed class GeneratedRbacTests
{
    private const string Token = "operator-token";
    private const string OperatorNamespace = "nodeipam-system";
    private const string ServiceAccount = "nodeipam-controller-manager";

    [Test]
    public async Task The_operator_works_under_its_generated_rbac_and_nothing_is_denied()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        ApplyRbacManifests(simulator);
        simulator.Rbac.AddServiceAccountToken(Token, OperatorNamespace, ServiceAccount);
        simulator.Rbac.Enforce = true;
        simulator.Store.Create(ClusterObjects.Node("n1", "10.0.0.1", "203.0.113.1"));
        simulator.Store.Create(ClusterObjects.Node("n2", "10.0.0.2"));
        simulator.Store.Create(ClusterObjects.Service("cluster"));
        simulator.Store.Create(ClusterObjects.Service("local", policy: "Local"));
        simulator.Store.Create(ClusterObjects.Slice("local-1", "local", ClusterObjects.Endpoint("n2", "pod-a")));
        simulator.Store.Create(ClusterObjects.Service("typo", selector: "zone in (a"));

        var options = new RunOptions
        {
            LeaderElect = true,
            LeaderElectionNamespace = OperatorNamespace,
            HealthProbeBindAddress = "127.0.0.1:0",
            MetricsBindAddress = "127.0.0.1:0",
        };
        using var host = OperatorHost.Build(
            options,
            options.ToSettings(simulator.ClientConfiguration(Token)),
            logging => logging.ClearProviders());
        await host.StartAsync();
        try
        {
            await Eventually.HoldsAsync(
                () => Ingress(simulator, "cluster") == "203.0.113.1" && Ingress(simulator, "local") == "10.0.0.2"
                    && simulator.Store.List<Eventsv1Event>().Any(e => e.Regarding.Name == "typo" && e.Type == "Warning"),
                () => $"addresses and the Warning Event are written; denials: {string.Join("; ", simulator.Rbac.Denials)}");

            simulator.Store.Get<V1Lease>(RunOptions.LeaseName, OperatorNamespace).Should().NotBeNull("the leader holds its Lease");
            simulator.Rbac.Denials.Should().BeEmpty();
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Test]
    public async Task Metrics_need_a_token_whose_user_has_the_metrics_reader_role()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        ApplyRbacManifests(simulator);
        simulator.Rbac.AddServiceAccountToken(Token, OperatorNamespace, ServiceAccount);
        simulator.Rbac.AddServiceAccountToken("prometheus-token", "monitoring", "prometheus");
        simulator.Rbac.AddServiceAccountToken("stranger-token", "default", "web");
        simulator.Store.Create(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "prometheus-metrics-reader" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "nodeipam-metrics-reader" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "prometheus", NamespaceProperty = "monitoring" }],
        });
        simulator.Rbac.Enforce = true;

        var options = new RunOptions { HealthProbeBindAddress = "0", MetricsBindAddress = "127.0.0.1:0" };
        using var host = OperatorHost.Build(options, options.ToSettings(simulator.ClientConfiguration(Token)), logging => logging.ClearProviders());
        await host.StartAsync();
        try
        {
            var address = new Uri(host.Services.GetRequiredService<ProbeServer>().MetricsAddress!, "/metrics");
            using var https = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=nodeipam-operator-metrics" } });
            async Task<(HttpStatusCode Code, string Body)> ScrapeAsync(string? token)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await https.SendAsync(request);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            var anonymous = await ScrapeAsync(null);
            var stranger = await ScrapeAsync("stranger-token");
            var prometheus = await ScrapeAsync("prometheus-token");

            address.Scheme.Should().Be("https");
            anonymous.Code.Should().Be(HttpStatusCode.Unauthorized);
            stranger.Code.Should().Be(HttpStatusCode.Forbidden);
            stranger.Body.Should().StartWith("Forbidden: user \"system:serviceaccount:default:web\" may not get /metrics");
            prometheus.Code.Should().Be(HttpStatusCode.OK);
            prometheus.Body.Should().Contain("nodeipam_managed_services");
            simulator.Rbac.Denials.Should().BeEmpty("the generated ClusterRole lets the operator create the reviews");
            simulator.Requests.Count("create", "tokenreviews").Should().Be(2, "no token needs no review");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Test]
    public async Task The_generated_rbac_denies_what_the_operator_does_not_use()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        ApplyRbacManifests(simulator);
        simulator.Rbac.AddServiceAccountToken(Token, OperatorNamespace, ServiceAccount);
        simulator.Rbac.Enforce = true;
        using var client = new Kubernetes(simulator.ClientConfiguration(Token));

        var readSecrets = () => client.CoreV1.ListSecretForAllNamespacesAsync();
        var deleteNode = () => client.CoreV1.DeleteNodeAsync("n1");
        var writeServiceSpec = () => client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("""{"spec":{"type":"ClusterIP"}}""", V1Patch.PatchType.MergePatch), "cluster", "default");
        var leaseElsewhere = () => client.CoordinationV1.ListNamespacedLeaseAsync("kube-system");

        foreach (var forbidden in new Func<Task>[] { readSecrets, deleteNode, writeServiceSpec, leaseElsewhere })
        {
            (await forbidden.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode
                .Should().Be(System.Net.HttpStatusCode.Forbidden);
        }
    }

    private static string Ingress(KubeApiSimulator simulator, string service) =>
        string.Join(',', simulator.Store.Get<V1Service>(service, "default")?.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip) ?? []);

    // The objects `make deploy` applies that RBAC evaluates: the namespace, the account, the roles and their bindings.
    private static void ApplyRbacManifests(KubeApiSimulator simulator)
    {
        foreach (var manifest in RenderedManifests.All)
        {
            _ = manifest switch
            {
                V1Namespace o => (object)simulator.Store.Upsert(o),
                V1ServiceAccount o => simulator.Store.Upsert(o),
                V1ClusterRole o => simulator.Store.Upsert(o),
                V1ClusterRoleBinding o => simulator.Store.Upsert(o),
                V1Role o => simulator.Store.Upsert(o),
                V1RoleBinding o => simulator.Store.Upsert(o),
                _ => manifest,
            };
        }
    }
}
