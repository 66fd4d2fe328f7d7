using k8s.Models;

namespace NodeIpam.Operator.Tests.Deploy;

/// <summary>The policy the deployment promises, checked on what <c>make deploy</c> actually applies.</summary>
public sealed class RenderedManifestsTests
{
    private const string Namespace = "nodeipam-system";

    [Test]
    public void Everything_lands_in_the_operator_namespace_with_the_prefix()
    {
        RenderedManifests.Single<V1Namespace>().Metadata.Name.Should().Be(Namespace);
        RenderedManifests.Single<V1Deployment>().Metadata.NamespaceProperty.Should().Be(Namespace);
        RenderedManifests.Single<V1ServiceAccount>().Metadata.Name.Should().Be("nodeipam-controller-manager");
    }

    [Test]
    public void Namespace_enforces_the_restricted_pod_security_standard()
    {
        RenderedManifests.Single<V1Namespace>().Metadata.Labels
            .Should().Contain("pod-security.kubernetes.io/enforce", "restricted");
    }

    [Test]
    public void Cluster_role_grants_exactly_what_the_operator_uses()
    {
        var rules = RenderedManifests.All.OfType<V1ClusterRole>().Single(r => r.Metadata.Name == "nodeipam-manager-role").Rules
            .SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(res => (Resource: Qualified(g, res), Verbs: string.Join(",", r.Verbs)))))
            .ToList();

        rules.Should().BeEquivalentTo(new[]
        {
            (Resource: "nodes", Verbs: "get,list,watch"),
            (Resource: "services", Verbs: "get,list,watch"),
            (Resource: "services/status", Verbs: "patch"),
            (Resource: "endpointslices.discovery.k8s.io", Verbs: "get,list,watch"),
            (Resource: "events.events.k8s.io", Verbs: "create,patch"),
            (Resource: "tokenreviews.authentication.k8s.io", Verbs: "create"),
            (Resource: "subjectaccessreviews.authorization.k8s.io", Verbs: "create"),
        });
    }

    [Test]
    public void Metrics_reader_role_grants_only_get_on_the_metrics_url_and_is_bound_to_nobody()
    {
        var reader = RenderedManifests.All.OfType<V1ClusterRole>().Single(r => r.Metadata.Name == "nodeipam-metrics-reader");

        reader.Rules.Should().ContainSingle().Which.Should().BeEquivalentTo(new { NonResourceURLs = new[] { "/metrics" }, Verbs = new[] { "get" } });
        RenderedManifests.All.OfType<V1ClusterRoleBinding>().Should().NotContain(b => b.RoleRef.Name == "nodeipam-metrics-reader");
    }

    [Test]
    public void Metrics_are_served_over_https_on_8443_through_the_metrics_service()
    {
        var container = RenderedManifests.Single<V1Deployment>().Spec.Template.Spec.Containers.Single();
        var service = RenderedManifests.Single<V1Service>();

        container.Args.Should().Contain("--metrics-bind-address=:8443").And.Contain("--metrics-secure=true");
        container.Ports.Should().Contain(p => p.Name == "metrics" && p.ContainerPort == 8443);
        container.LivenessProbe.HttpGet.Port.Value.Should().Be("health");
        var port = service.Spec.Ports.Should().ContainSingle().Subject;
        (port.Name, port.Port, port.TargetPort.Value).Should().Be(("https", 8443, "metrics"));
    }

    [Test]
    public void Namespaced_role_grants_only_the_leader_election_lease()
    {
        var role = RenderedManifests.Single<V1Role>();

        role.Metadata.NamespaceProperty.Should().Be(Namespace);
        role.Rules.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ApiGroups = new[] { "coordination.k8s.io" },
            Resources = new[] { "leases" },
            Verbs = new[] { "get", "create", "update" },
        });
    }

    [Test]
    public void Bindings_give_the_roles_to_the_operator_service_account_only()
    {
        var account = new { Kind = "ServiceAccount", Name = "nodeipam-controller-manager", NamespaceProperty = Namespace };
        RenderedManifests.Single<V1ClusterRoleBinding>().Subjects.Should().ContainSingle().Which.Should().BeEquivalentTo(account);
        RenderedManifests.Single<V1ClusterRoleBinding>().RoleRef.Name.Should().Be("nodeipam-manager-role");
        RenderedManifests.Single<V1RoleBinding>().Subjects.Should().ContainSingle().Which.Should().BeEquivalentTo(account);
        RenderedManifests.Single<V1RoleBinding>().RoleRef.Name.Should().Be("nodeipam-leader-election-role");
    }

    [Test]
    public void Pod_passes_the_restricted_pod_security_standard()
    {
        var pod = RenderedManifests.Single<V1Deployment>().Spec.Template.Spec;

        pod.SecurityContext.RunAsNonRoot.Should().BeTrue();
        pod.SecurityContext.SeccompProfile.Type.Should().Be("RuntimeDefault");
        pod.HostNetwork.Should().NotBe(true);
        pod.HostPID.Should().NotBe(true);
        pod.HostIPC.Should().NotBe(true);
        pod.Volumes.Should().BeNullOrEmpty("the operator needs no volume besides its service account token");
        foreach (var container in pod.Containers)
        {
            container.SecurityContext.AllowPrivilegeEscalation.Should().BeFalse();
            container.SecurityContext.ReadOnlyRootFilesystem.Should().BeTrue();
            container.SecurityContext.Privileged.Should().NotBe(true);
            container.SecurityContext.Capabilities.Drop.Should().Equal("ALL");
            container.SecurityContext.Capabilities.Add.Should().BeNullOrEmpty();
        }
    }

    [Test]
    public void Deployment_runs_two_replicas_with_leader_election_probes_and_bounded_resources()
    {
        var deployment = RenderedManifests.Single<V1Deployment>();
        var container = deployment.Spec.Template.Spec.Containers.Should().ContainSingle().Subject;

        deployment.Spec.Replicas.Should().Be(2);
        container.Args.Should().StartWith("run").And.Contain("--leader-elect");
        container.Env.Should().Contain(e => e.Name == "POD_NAME" && e.ValueFrom.FieldRef.FieldPath == "metadata.name");
        container.Env.Should().Contain(e => e.Name == "POD_NAMESPACE" && e.ValueFrom.FieldRef.FieldPath == "metadata.namespace");
        container.LivenessProbe.HttpGet.Path.Should().Be("/healthz");
        container.ReadinessProbe.HttpGet.Path.Should().Be("/readyz");
        container.Resources.Requests.Should().ContainKeys("cpu", "memory");
        container.Resources.Limits.Should().ContainKey("memory");
        deployment.Spec.Template.Spec.TerminationGracePeriodSeconds.Should().BeGreaterThanOrEqualTo(15);
        deployment.Spec.Template.Spec.Tolerations.Should().Contain(t => t.Key == "node-role.kubernetes.io/control-plane");
    }

    // kubectl's notation: resource.group/subresource ("services/status", "endpointslices.discovery.k8s.io").
    private static string Qualified(string group, string resource)
    {
        var parts = resource.Split('/', 2);
        var qualified = group.Length == 0 ? parts[0] : $"{parts[0]}.{group}";
        return parts.Length == 1 ? qualified : $"{qualified}/{parts[1]}";
    }
}
