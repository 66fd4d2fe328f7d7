using System.Text.Json;
using k8s;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Cli;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Informers;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Caching;

/// <summary>
/// What an informer skips while reading the JSON must never be something its adapter reads, or a Service would go
/// stale with no error. For every object of the golden inputs and a richly filled one of each kind, the record made
/// from the object read with the informer's skips equals the record made from the object read whole.
/// </summary>
[TestFixture]
internal sealed class SkipOnReadTests
{
    private static readonly string CasesDirectory = Path.Combine(TestContext.CurrentContext.TestDirectory, "testdata", "plan");

    [Test]
    public void Nodes_read_with_the_skips_make_the_same_facts()
    {
        var setup = new InformerSetup<V1Node, NodeFacts>(NodeAdapter.From);
        NodeAdapter.Configure(setup);
        var rich = RichNode();

        foreach (var node in Dump().Nodes.Append(rich))
        {
            var skipped = ReadBack(node, setup.ReadOptions);
            NodeAdapter.From(skipped).Should().Be(NodeAdapter.From(node), node.Metadata.Name);
        }

        ReadBack(rich, setup.ReadOptions).Status.Images.Should().BeNull("the skips do apply");
    }

    [Test]
    public void Services_read_with_the_skips_make_the_same_record()
    {
        var setup = new InformerSetup<V1Service, CachedService>(s => ServiceAdapter.From(s, ManagementOptions.Default));
        ServiceAdapter.Configure(setup);
        var rich = RichService();

        foreach (var service in Dump().Services.Append(rich))
        {
            var skipped = ReadBack(service, setup.ReadOptions);
            ServiceAdapter.From(skipped, ManagementOptions.Default).Should().Be(ServiceAdapter.From(service, ManagementOptions.Default), service.Metadata.Name);
        }

        ReadBack(rich, setup.ReadOptions).Spec.Ports.Should().BeNull("the skips do apply");
    }

    [Test]
    public void Slices_read_with_the_skips_make_the_same_facts()
    {
        var setup = new InformerSetup<V1EndpointSlice, EndpointSliceFacts>(EndpointSliceAdapter.From);
        EndpointSliceAdapter.Configure(setup);
        var rich = Slice("rich", "web", "shop", Endpoint("node-a", pod: "p1"), Endpoint(null, ready: false, terminating: true, pod: "p2"));
        rich.Endpoints[0].Hostname = "h";
        rich.Endpoints[0].Zone = "z";
        rich.Ports = [new Discoveryv1EndpointPort { Port = 80 }];

        foreach (var slice in Dump().EndpointSlices.Append(rich))
        {
            var skipped = ReadBack(slice, setup.ReadOptions);
            EndpointSliceAdapter.From(skipped).Should().Be(EndpointSliceAdapter.From(slice), slice.Metadata.Name);
        }

        ReadBack(rich, setup.ReadOptions).Ports.Should().BeNull("the skips do apply");
    }

    private static T ReadBack<T>(T entity, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(KubernetesJson.Serialize(entity), options)!;

    private static ClusterDump Dump()
    {
        var files = Directory.GetDirectories(CasesDirectory)
            .Select(directory => Directory.GetFiles(directory, "cluster.*").Single())
            .ToList();
        files.Should().NotBeEmpty();
        return ClusterDumpReader.Read(files, TextReader.Null);
    }

    private static V1Node RichNode()
    {
        var node = Node("rich", LabelSet("pool=blue", WellKnown.ExcludeFromLoadBalancersLabel + "=true"), ("InternalIP", "10.0.0.1"), ("ExternalIP", "2001:db8::1"), ("ExternalIP", "127.0.0.1"))
            .WithTaint(WellKnown.ToBeDeletedTaint)
            .Deleting();
        node.Metadata.Annotations = new Dictionary<string, string> { ["a"] = "b" };
        node.Status.Images = [new V1ContainerImage { Names = ["app:1"], SizeBytes = 1 }];
        node.Status.Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2") };
        node.Status.Conditions =
        [
            new V1NodeCondition { Type = "Ready", Status = "False", LastTransitionTime = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), LastHeartbeatTime = DateTime.UtcNow, Reason = "r", Message = "m" },
        ];
        return node;
    }

    private static V1Service RichService()
    {
        var service = Service(selector: "pool in (blue)", policy: "Local", families: ["IPv6", "IPv4"], clusterIps: ["fd00::1", "10.96.0.1"]);
        service.Metadata.Uid = "u";
        service.Metadata.ResourceVersion = "9";
        service.Metadata.Annotations[WellKnown.MaxAddressesPerFamilyAnnotation] = "3";
        service.Metadata.Annotations[WellKnown.ExcludeNotReadyNodesAnnotation] = "yes";
        service.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
        service.Spec.Ports = [new V1ServicePort { Port = 80 }];
        service.Spec.Selector = new Dictionary<string, string> { ["app"] = "web" };
        service.Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "10.0.0.1", IpMode = "Proxy" }, new V1LoadBalancerIngress { Hostname = "lb" }] },
            Conditions = [new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "False", Reason = "NoNodes", Message = "m", LastTransitionTime = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) }],
        };
        return service;
    }
}
