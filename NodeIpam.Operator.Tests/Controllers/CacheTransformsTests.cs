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
        var since = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        node.Status.Conditions =
        [
            new V1NodeCondition { Type = "MemoryPressure", Status = "False" },
            new V1NodeCondition { Type = "Ready", Status = "False", LastTransitionTime = since, LastHeartbeatTime = DateTime.UtcNow, Reason = "KubeletNotReady", Message = "PLEG is not healthy" },
        ];

        var cached = Transforms.Node(node);

        cached.Status.Images.Should().BeNull();
        cached.Status.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new V1NodeCondition { Type = "Ready", Status = "False", LastTransitionTime = since },
            "only what the NotReady rule reads is kept, never the heartbeat");
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

        var cached = Transforms.Service(service);

        cached.Metadata.Annotations.Keys.Should().Equal(WellKnown.MatchNodeLabelsAnnotation);
        cached.Spec.Ports.Should().BeNull();
        cached.Status.Conditions.Select(c => c.Type).Should().Equal(ServiceStatusNames.ConditionType);
        var (before, after) = (ServiceFacts.From(service, ManagementOptions.Default), ServiceFacts.From(cached, ManagementOptions.Default));
        (after.IsManaged, after.IsLocal, after.SelectorText, after.Selector.ToString()).Should().Be((before.IsManaged, before.IsLocal, before.SelectorText, before.Selector.ToString()));
        after.Families.Should().Equal(before.Families);
    }

    [Test]
    public void A_cached_slice_keeps_no_endpoints_but_its_facts_are_those_of_the_full_slice()
    {
        var slice = Slice(
            "s",
            "web",
            "shop",
            Endpoint("node-a", ready: false, serving: true, terminating: true, pod: "p1"),
            Endpoint(null, pod: "p2"),
            Endpoint("node-b", ready: false, pod: "p3"));
        var facts = new FactsCache(ManagementOptions.Default);

        var cached = new CacheTransforms(facts).EndpointSlice(slice);

        cached.Endpoints.Should().BeNull();
        facts.Slice(cached).Should().BeEquivalentTo(EndpointSliceFacts.From(slice));
        CacheIndexes.ServiceValues(cached).Should().Equal("shop/web");
        facts.Slice(cached).CountsOn("node-a").Should().BeTrue();
        facts.Slice(cached).CountsOn("node-b").Should().BeFalse("its only endpoint there is neither ready nor terminating");
    }

    [Test]
    public void Equal_node_names_and_labels_in_different_objects_become_one_shared_string()
    {
        var first = Node("node-1", LabelSet("zone=a"), ("InternalIP", "10.0.0.1"));
        var second = Node("node-2", LabelSet("zone=a"), ("InternalIP", "10.0.0.1"));
        var facts = new FactsCache(ManagementOptions.Default);
        var sliceTransforms = new CacheTransforms(facts);

        var (a, b) = (sliceTransforms.Node(first), sliceTransforms.Node(second));
        var slice = sliceTransforms.EndpointSlice(Slice("s", "web", "shop", Endpoint(new string("node-1".ToCharArray()), pod: "p1")));

        a.Metadata.Labels.Keys.Single().Should().BeSameAs(b.Metadata.Labels.Keys.Single());
        a.Metadata.Labels["zone"].Should().BeSameAs(b.Metadata.Labels["zone"]);
        a.Status.Addresses[0].Address.Should().BeSameAs(b.Status.Addresses[0].Address);
        facts.Slice(slice).ReadyNodeNames.Single().Should().BeSameAs(a.Metadata.Name);
        facts.Node(a).Labels.Should().BeSameAs(a.Metadata.Labels, "the facts of a cached node share its labels instead of copying them");
        NodeFacts.From(first).Labels.Should().NotBeSameAs(first.Metadata.Labels, "facts of objects that are not the cache's own copy them");
    }

    private static CacheTransforms Transforms => new(new FactsCache(ManagementOptions.Default));
}
