using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NodeIpam.Simulator.Tests;

/// <summary>RBAC enforcement from stored ClusterRole/Role manifests, through KubernetesClient with a service-account token.</summary>
public sealed class SimulatorRbacTests
{
    private const string Ns = "nodeipam-system";
    private KubeApiSimulator _sim = null!;
    private Kubernetes _operator = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _sim.Store.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } });
        _sim.Store.CreateJson("""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"op"},"rules":[
              {"apiGroups":[""],"resources":["services"],"verbs":["get","list","watch"]},
              {"apiGroups":[""],"resources":["services/status"],"verbs":["patch"]},
              {"apiGroups":["discovery.k8s.io"],"resources":["endpointslices"],"resourceNames":["only-this"],"verbs":["get"]}]}
            """);
        _sim.Store.CreateJson($$"""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"op"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"op"},"subjects":[{"kind":"ServiceAccount","name":"op","namespace":"{{Ns}}"}] }""");
        _sim.Store.CreateJson($$"""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"le","namespace":"{{Ns}}"},"rules":[{"apiGroups":["coordination.k8s.io"],"resources":["leases"],"verbs":["*"]}] }""");
        _sim.Store.CreateJson($$"""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"le","namespace":"{{Ns}}"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"le"},"subjects":[{"kind":"ServiceAccount","name":"op"}] }""");
        _sim.Store.Create(new V1Service { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" }, Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 80 }] } });
        _sim.Rbac.AddServiceAccountToken("op-token", Ns, "op");
        _sim.Rbac.Enforce = true;
        _operator = new Kubernetes(_sim.ClientConfiguration("op-token"));
    }

    [TearDown]
    public async Task StopAsync()
    {
        _operator.Dispose();
        await _sim.DisposeAsync();
    }

    private static async Task<HttpStatusCode> CodeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return HttpStatusCode.OK;
        }
        catch (HttpOperationException e)
        {
            return e.Response.StatusCode;
        }
    }

    [Test]
    public async Task Granted_verbs_pass_and_everything_else_is_forbidden_and_recorded()
    {
        var status = new V1Patch("""{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}}}""", V1Patch.PatchType.MergePatch);

        (await CodeAsync(() => _operator.CoreV1.ListServiceForAllNamespacesAsync())).Should().Be(HttpStatusCode.OK);
        (await CodeAsync(() => _operator.CoreV1.PatchNamespacedServiceStatusAsync(status, "s", "default"))).Should().Be(HttpStatusCode.OK);
        (await CodeAsync(() => _operator.CoreV1.PatchNamespacedServiceAsync(status, "s", "default"))).Should().Be(HttpStatusCode.Forbidden);
        (await CodeAsync(() => _operator.CoreV1.ListNodeAsync())).Should().Be(HttpStatusCode.Forbidden);
        (await CodeAsync(() => _operator.DiscoveryV1.ReadNamespacedEndpointSliceAsync("other", "default"))).Should().Be(HttpStatusCode.Forbidden);
        (await CodeAsync(() => _operator.DiscoveryV1.ReadNamespacedEndpointSliceAsync("only-this", "default"))).Should().Be(HttpStatusCode.NotFound, "allowed by resourceNames, then simply missing");

        _sim.Rbac.Denials.Should().HaveCount(3);
        _sim.Rbac.Denials[0].Should().Be("services \"s\" is forbidden: User \"system:serviceaccount:nodeipam-system:op\" cannot patch resource \"services\" in API group \"\" in the namespace \"default\"");
    }

    [Test]
    public async Task A_role_binding_grants_only_inside_its_namespace()
    {
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = "leader" }, Spec = new V1LeaseSpec { HolderIdentity = "me" } };

        (await CodeAsync(() => _operator.CoordinationV1.CreateNamespacedLeaseAsync(lease, Ns))).Should().Be(HttpStatusCode.OK);
        (await CodeAsync(() => _operator.CoordinationV1.CreateNamespacedLeaseAsync(lease, "default"))).Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Unknown_tokens_are_401_and_the_admin_token_may_do_anything()
    {
        using var stranger = new Kubernetes(_sim.ClientConfiguration("who-knows"));
        using var admin = new Kubernetes(_sim.ClientConfiguration());

        (await CodeAsync(() => stranger.CoreV1.ListNodeAsync())).Should().Be(HttpStatusCode.Unauthorized);
        (await CodeAsync(() => admin.CoreV1.ListNodeAsync())).Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Without_enforcement_every_token_passes()
    {
        _sim.Rbac.Enforce = false;

        (await CodeAsync(() => _operator.CoreV1.ListNodeAsync())).Should().Be(HttpStatusCode.OK);
        _sim.Rbac.Denials.Should().BeEmpty();
    }
}
