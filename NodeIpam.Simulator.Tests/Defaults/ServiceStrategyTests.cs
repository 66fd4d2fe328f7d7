using System.Net;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Defaults;

/// <summary>Service defaulting, status subresource rules and type-change clean-ups, over raw HTTP.</summary>
public sealed class ServiceStrategyTests
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
    public async Task A_load_balancer_gets_the_api_servers_defaults()
    {
        var svc = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        Json.Str(svc, "spec.ipFamilies").Should().Be("""["IPv4"]""");
        Json.Str(svc, "spec.ipFamilyPolicy").Should().Be("SingleStack");
        Json.Str(svc, "spec.clusterIP").Should().StartWith("10.96.");
        Json.Str(svc, "spec.clusterIPs.0").Should().Be(Json.Str(svc, "spec.clusterIP"));
        Json.Str(svc, "spec.externalTrafficPolicy").Should().Be("Cluster");
        Json.Str(svc, "spec.internalTrafficPolicy").Should().Be("Cluster");
        Json.Str(svc, "spec.sessionAffinity").Should().Be("None");
        Json.Str(svc, "spec.allocateLoadBalancerNodePorts").Should().Be("true");
        int.Parse(Json.Str(svc, "spec.ports.0.nodePort")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(30000, 32767);
        Json.Str(svc, "spec.ports.0.protocol").Should().Be("TCP");
        Json.Str(svc, "spec.ports.0.targetPort").Should().Be("80");
        Json.Str(svc, "status").Should().Be("""{"loadBalancer":{}}""");
    }

    [Test]
    public async Task A_cluster_ip_service_has_no_node_ports_or_external_policy()
    {
        var svc = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"cip"},"spec":{"ports":[{"port":80}]}}""");

        Json.Str(svc, "spec.type").Should().Be("ClusterIP");
        Json.Str(svc, "spec.ports.0.nodePort").Should().BeNull();
        Json.Str(svc, "spec.externalTrafficPolicy").Should().BeNull();
    }

    [Test]
    public async Task Dual_stack_policies_get_both_families_and_two_cluster_ips()
    {
        var svc = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"ds"},"spec":{"ipFamilyPolicy":"PreferDualStack","ports":[{"port":80}]}}""");
        var v6 = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"v6"},"spec":{"ipFamilies":["IPv6"],"ports":[{"port":80}]}}""");

        Json.Str(svc, "spec.ipFamilies").Should().Be("""["IPv4","IPv6"]""");
        svc["spec"]!["clusterIPs"]!.AsArray().Should().HaveCount(2);
        Json.Str(svc, "spec.clusterIPs.1").Should().StartWith("fd00:10:96::");
        Json.Str(v6, "spec.ipFamilyPolicy").Should().Be("SingleStack");
        Json.Str(v6, "spec.clusterIP").Should().StartWith("fd00:");
    }

    [Test]
    public async Task Headless_services_keep_cluster_ip_None()
    {
        var svc = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"headless"},"spec":{"clusterIP":"None","selector":{"a":"b"}}}""");

        Json.Str(svc, "spec.clusterIP").Should().Be("None");
        Json.Str(svc, "spec.clusterIPs").Should().Be("""["None"]""");
    }

    [Test]
    public async Task A_status_write_changes_only_status_and_defaults_ip_mode()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"st"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        var (code, svc) = await _api.PatchAsync(Services + "/st/status",
            """{"metadata":{"labels":{"sneaky":"yes"}},"spec":{"type":"ClusterIP"},"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}}}""",
            "application/merge-patch+json");

        code.Should().Be(HttpStatusCode.OK);
        Json.Str(svc, "status.loadBalancer.ingress.0.ipMode").Should().Be("VIP");
        Json.Str(svc, "spec.type").Should().Be("LoadBalancer");
        Json.Str(svc, "metadata.labels").Should().BeNull();
    }

    [Test]
    public async Task A_write_to_the_object_ignores_status()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"ign"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        var (_, svc) = await _api.PatchAsync(Services + "/ign", """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}}}""", "application/merge-patch+json");

        Json.Str(svc, "status").Should().Be("""{"loadBalancer":{}}""");
    }

    [Test]
    public async Task Leaving_type_LoadBalancer_clears_the_load_balancer_status_and_node_ports_but_keeps_the_conditions()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"leave"},"spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/lb","ports":[{"port":80}]}}""");
        await _api.PatchAsync(
            Services + "/leave/status",
            """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]},"conditions":[{"type":"example.com/Ready","status":"True","reason":"Fine","message":"m","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""",
            "application/merge-patch+json");

        var (_, svc) = await _api.PatchAsync(Services + "/leave", """{"spec":{"type":"ClusterIP"}}""", "application/merge-patch+json");

        Json.Str(svc, "status.loadBalancer").Should().Be("{}");
        Json.Str(svc, "status.conditions.0.type").Should().Be("example.com/Ready", "a real API server clears only status.loadBalancer");
        Json.Str(svc, "spec.loadBalancerClass").Should().BeNull();
        Json.Str(svc, "spec.ports.0.nodePort").Should().BeNull();
        Json.Str(svc, "spec.externalTrafficPolicy").Should().BeNull();
        Json.Str(svc, "spec.allocateLoadBalancerNodePorts").Should().BeNull();
    }

    [Test]
    public async Task The_load_balancer_class_is_immutable_while_the_service_stays_a_load_balancer()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"cls"},"spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/a","ports":[{"port":80}]}}""");
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"no-cls"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        var (changed, changedBody) = await _api.PatchAsync(Services + "/cls", """{"spec":{"loadBalancerClass":"example.com/b"}}""", "application/merge-patch+json");
        var (removed, _) = await _api.PatchAsync(Services + "/cls", """{"spec":{"loadBalancerClass":null}}""", "application/merge-patch+json");
        var (set, setBody) = await _api.PatchAsync(Services + "/no-cls", """{"spec":{"loadBalancerClass":"example.com/b"}}""", "application/merge-patch+json");
        var (withType, withTypeBody) = await _api.PatchAsync(Services + "/cls", """{"spec":{"type":"ClusterIP","loadBalancerClass":"example.com/b"}}""", "application/merge-patch+json");

        changed.Should().Be((HttpStatusCode)422);
        Json.Str(changedBody, "message").Should().Contain("""spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set""");
        Json.Str(changedBody, "details.causes.0.field").Should().Be("spec.loadBalancerClass");
        removed.Should().Be((HttpStatusCode)422);
        set.Should().Be((HttpStatusCode)422);
        Json.Str(setBody, "message").Should().Contain("may not change once set");
        withType.Should().Be((HttpStatusCode)422);
        Json.Str(withTypeBody, "message").Should().Contain("spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'");
    }

    [Test]
    public async Task The_load_balancer_class_may_be_chosen_again_when_the_type_changes_to_LoadBalancer()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"reclass"},"spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/a","ports":[{"port":80}]}}""");

        var (left, leftBody) = await _api.PatchAsync(Services + "/reclass", """{"spec":{"type":"ClusterIP"}}""", "application/merge-patch+json");
        var (back, backBody) = await _api.PatchAsync(Services + "/reclass", """{"spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/b"}}""", "application/merge-patch+json");
        var (forbidden, _) = await _api.PostAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"cip-cls"},"spec":{"loadBalancerClass":"example.com/a","ports":[{"port":80}]}}""");

        left.Should().Be(HttpStatusCode.OK);
        Json.Str(leftBody, "spec.loadBalancerClass").Should().BeNull("leaving LoadBalancer drops an unchanged class");
        back.Should().Be(HttpStatusCode.OK);
        Json.Str(backBody, "spec.loadBalancerClass").Should().Be("example.com/b");
        forbidden.Should().Be((HttpStatusCode)422);
    }

    [Test]
    public async Task A_put_without_cluster_ip_keeps_the_allocated_one_but_changing_it_is_invalid()
    {
        var created = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"keep"},"spec":{"type":"NodePort","ports":[{"port":80}]}}""");

        var (_, kept) = await _api.PutAsync(Services + "/keep", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"keep"},"spec":{"type":"NodePort","ports":[{"port":80}]}}""");
        var (code, _) = await _api.PatchAsync(Services + "/keep", """{"spec":{"clusterIP":"10.96.99.99","clusterIPs":["10.96.99.99"]}}""", "application/merge-patch+json");

        Json.Str(kept, "spec.clusterIP").Should().Be(Json.Str(created, "spec.clusterIP"));
        Json.Str(kept, "spec.ports.0.nodePort").Should().Be(Json.Str(created, "spec.ports.0.nodePort"));
        code.Should().Be((HttpStatusCode)422);
    }

    [Test]
    public async Task Load_balancer_status_on_a_cluster_ip_service_or_with_a_bad_ip_is_invalid()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"bad-status"},"spec":{"ports":[{"port":80}]}}""");
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"bad-ip"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");

        var (onClusterIp, _) = await _api.PatchAsync(Services + "/bad-status/status", """{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}}}""", "application/merge-patch+json");
        var (badIp, _) = await _api.PatchAsync(Services + "/bad-ip/status", """{"status":{"loadBalancer":{"ingress":[{"ip":"not-an-ip"}]}}}""", "application/merge-patch+json");

        onClusterIp.Should().Be((HttpStatusCode)422);
        badIp.Should().Be((HttpStatusCode)422);
    }

    [Test]
    public async Task Server_side_apply_on_status_sets_the_applied_fields_and_needs_a_field_manager()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"ssa"},"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""");
        const string applied = """
            apiVersion: v1
            kind: Service
            metadata:
              name: ssa
            status:
              loadBalancer:
                ingress:
                - ip: 192.0.2.7
            """;

        var (withoutManager, _) = await _api.PatchAsync(Services + "/ssa/status", applied, "application/apply-patch+yaml");
        var (code, svc) = await _api.PatchAsync(Services + "/ssa/status?fieldManager=nodeipam&force=true", applied, "application/apply-patch+yaml");

        withoutManager.Should().Be((HttpStatusCode)422);
        code.Should().Be(HttpStatusCode.OK);
        Json.Str(svc, "status.loadBalancer.ingress.0.ip").Should().Be("192.0.2.7");
        Json.Str(svc, "spec.type").Should().Be("LoadBalancer");
    }
}
