using k8s.Models;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class CacheTransformsTests
{
    [Test]
    public void A_cached_node_keeps_what_the_domain_reads_and_drops_the_rest()
    {
        var node = Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")).WithTaint(WellKnown.ToBeDeletedTaint);
        node.Status.Images = [new V1ContainerImage { Names = ["app:1"] }];
        node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }];

        var cached = CacheTransforms.Node(node);

        cached.Status.Images.Should().BeNull();
        cached.Status.Conditions.Should().BeNull();
        NodeImpact.SameForPlanning(NodeFacts.From(node), NodeFacts.From(cached)).Should().BeTrue();
    }

    [Test]
    public void A_cached_service_keeps_our_annotation_and_condition_only_and_no_ports()
    {
        var service = Service(selector: "pool=blue");
        service.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"] = new string('x', 10_000);
        service.Spec.Ports = [.. Enumerable.Range(1, 1000).Select(p => new V1ServicePort { Port = p })];
        service.Status = new V1ServiceStatus
        {
            Conditions =
            [
                new V1Condition { Type = "example.com/Other", Status = "True" },
                new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True" },
            ],
        };

        var cached = CacheTransforms.Service(service);

        cached.Metadata.Annotations.Keys.Should().Equal(WellKnown.MatchNodeLabelsAnnotation);
        cached.Spec.Ports.Should().BeNull();
        cached.Status.Conditions.Select(c => c.Type).Should().Equal(ServiceStatusNames.ConditionType);
        var (before, after) = (ServiceFacts.From(service, ManagementOptions.Default), ServiceFacts.From(cached, ManagementOptions.Default));
        (after.IsManaged, after.IsLocal, after.SelectorText, after.Selector.ToString()).Should().Be((before.IsManaged, before.IsLocal, before.SelectorText, before.Selector.ToString()));
        after.Families.Should().Equal(before.Families);
    }

    [Test]
    public void A_cached_slice_keeps_the_planning_facts_of_its_endpoints()
    {
        var slice = Slice("s", "web", "shop", Endpoint("node-a", ready: false, serving: true, terminating: true, pod: "p1"), Endpoint(null, pod: "p2"));

        var cached = CacheTransforms.EndpointSlice(slice);

        EndpointSliceFacts.From(cached).Should().BeEquivalentTo(EndpointSliceFacts.From(slice));
        CacheIndexes.ServiceValues(cached).Should().Equal("shop/web");
        CacheIndexes.NodeValues(cached).Should().Equal("node-a");
    }
}
