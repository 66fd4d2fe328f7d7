using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

/// <summary>externalTrafficPolicy Local, through the planner (LocalEndpoints has no behaviour of its own a user sees).</summary>
public class LocalEndpointsTests
{
    private static readonly V1Node[] Nodes =
    [
        Node("n1", LabelSet("zone=a"), ("InternalIP", "10.0.0.1")),
        Node("n2", LabelSet("zone=b"), ("InternalIP", "10.0.0.2")),
        Node("n3", LabelSet("zone=a"), ("InternalIP", "10.0.0.3")),
    ];

    [Test]
    public void Uses_the_nodes_of_ready_endpoints_from_every_slice_of_the_Service()
    {
        var plan = Plan(
            Service(policy: "Local"),
            Slice("web-v4", "web", "shop", Endpoint("n1", ready: true), Endpoint("n2", ready: false)),
            Slice("web-v6", "web", "shop", Endpoint("n3")));
        plan.Ingress.Should().Equal("10.0.0.1", "10.0.0.3");
        plan.Warnings.Should().BeEmpty();
        plan.ExplainNodes()[1].Should().Be(new NodeDecision("n2", false, "runs no ready endpoint of this Service"));
    }

    [Test]
    public void Combines_with_the_selector()
    {
        var plan = Plan(Service(policy: "Local", selector: "zone=a"), Slice("s", "web", "shop", Endpoint("n1"), Endpoint("n2")));
        plan.Ingress.Should().Equal("10.0.0.1");
        plan.ExplainNodes().Select(d => d.Reason).Should().Equal(
            "selected: advertises 10.0.0.1",
            "does not match the node selector",
            "runs no ready endpoint of this Service");
        Plan(Service(policy: "Local", selector: "zone=a"), Slice("s", "web", "shop", Endpoint("n1"))).ExplainNodes()[1].Reason
            .Should().Be("does not match the node selector; runs no ready endpoint of this Service");
    }

    [Test]
    public void Falls_back_to_serving_terminating_endpoints_when_none_is_ready()
    {
        var plan = Plan(
            Service(policy: "Local"),
            Slice("s", "web", "shop", Endpoint("n1", ready: false, serving: true, terminating: true), Endpoint("n2", ready: false, serving: false, terminating: true)));
        plan.Ingress.Should().Equal("10.0.0.1");
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.TerminatingEndpointsUsed,
            "no ready endpoints; using the nodes of 1 serving, terminating endpoint until new ones are ready"));
        plan.ExplainNodes()[1].Reason.Should().Be("runs no serving endpoint of this Service");
    }

    [Test]
    public void Ignores_terminating_endpoints_while_any_endpoint_is_ready()
    {
        var plan = Plan(
            Service(policy: "Local"),
            Slice("s", "web", "shop", Endpoint("n1", ready: false, serving: true, terminating: true), Endpoint("n2", ready: true)));
        plan.Ingress.Should().Equal("10.0.0.2");
    }

    [Test]
    public void Warns_when_no_endpoint_is_ready_or_terminating()
    {
        var plan = Plan(Service(policy: "Local"), Slice("s", "web", "shop", Endpoint("n1", ready: false)));
        plan.Ingress.Should().BeEmpty();
        plan.Warnings.Select(w => w.Code).Should().Equal(PlanWarningCode.NoReadyEndpoints);
        plan.Warnings[0].Message.Should().StartWith("no ready endpoints (1 endpoint in 1 EndpointSlice, none ready");
    }

    [Test]
    public void Warns_when_the_Service_has_no_EndpointSlice_and_ignores_slices_of_other_namespaces_and_Services()
    {
        var plan = Plan(Service(policy: "Local"), Slice("s", "web", "other", Endpoint("n1")), Slice("t", "api", "shop", Endpoint("n2")));
        plan.Ingress.Should().BeEmpty();
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.NoEndpointSlice,
            "no EndpointSlice labelled kubernetes.io/service-name=web in namespace shop; with externalTrafficPolicy Local only nodes running its endpoints are used"));
    }

    [Test]
    public void Skips_and_reports_endpoints_without_a_node_or_on_an_unknown_node()
    {
        var plan = Plan(
            Service(policy: "Local"),
            Slice("s", "web", "shop", Endpoint(null, pod: "web-1"), Endpoint("ghost", pod: "web-2"), Endpoint("n2", pod: "web-3")));
        plan.Ingress.Should().Equal("10.0.0.2");
        plan.Warnings.Should().Equal(
            new PlanWarning(PlanWarningCode.EndpointWithoutNodeName, "1 endpoint has no nodeName and is skipped: web-1 (slice s)"),
            new PlanWarning(PlanWarningCode.EndpointOnUnknownNode, "endpoints on 1 node that does not exist are skipped: ghost (slice s)"));
    }

    [Test]
    public void Warns_when_endpoints_run_only_on_ineligible_nodes()
    {
        var plan = Plan(Service(policy: "Local", selector: "zone=b"), Slice("s", "web", "shop", Endpoint("n1"), Endpoint("n3")));
        plan.Ingress.Should().BeEmpty();
        plan.Warnings.Should().Equal(new PlanWarning(
            PlanWarningCode.NoEndpointOnEligibleNode,
            "no eligible node matching the selector runs an endpoint of this Service; its endpoints run on n1, n3"));
    }

    [Test]
    public void Any_policy_other_than_Local_uses_every_node() =>
        Plan(Service(policy: "Cluster")).Ingress.Should().Equal("10.0.0.1", "10.0.0.2", "10.0.0.3");

    private static ServicePlan Plan(V1Service service, params V1EndpointSlice[] slices) =>
        ServicePlanner.Plan(
            ServiceAdapter.Facts(service, ManagementOptions.Default),
            Nodes.Select(NodeAdapter.From).ToList(),
            slices.Select(s => EndpointSliceAdapter.From(s)).ToList());
}
