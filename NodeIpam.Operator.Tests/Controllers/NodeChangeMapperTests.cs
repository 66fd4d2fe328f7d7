using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Tests.Support;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Controllers;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class NodeChangeMapperTests
{
    private static readonly ObjectKey Web = new("shop", "web");
    private static readonly NodeFacts Blue = NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.1")));
    private static readonly NodeFacts BlueElsewhere = NodeAdapter.From(Node("n", LabelSet("pool=blue"), ("InternalIP", "10.0.0.2")));
    private static readonly NodeFacts Green = NodeAdapter.From(Node("n", LabelSet("pool=green"), ("InternalIP", "10.0.0.1")));

    private WrittenStatuses written = null!;
    private StoreInformers informers = null!;

    [SetUp]
    public void SetUp()
    {
        written = new WrittenStatuses();
        informers = new StoreInformers().Index<CachedService>(CacheIndexes.ManagedServices, CacheIndexes.ManagedValues);
        var service = Service(selector: "pool=green");
        service.Metadata.ResourceVersion = "1";
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "10.0.0.9" }] } };
        informers.Put(Web, ServiceAdapter.From(service, ManagementOptions.Default));
    }

    [Test]
    public void Equal_facts_map_to_nothing_and_a_change_the_service_cannot_see_maps_to_nothing()
    {
        var mapper = new NodeChangeMapper(informers, new PlanningOptions(), written);

        mapper.Map(new ObjectChange<NodeFacts>(ObjectKey.Cluster("n"), Blue, Blue)).Should().BeEmpty();
        mapper.Map(new ObjectChange<NodeFacts>(ObjectKey.Cluster("n"), Blue, BlueElsewhere)).Should().BeEmpty("the node is not a candidate of a pool=green Service, before or after");
        mapper.Map(new ObjectChange<NodeFacts>(ObjectKey.Cluster("n"), Blue, Green)).Should().Equal(Web);
    }

    [Test]
    public void A_service_whose_cache_has_not_seen_our_last_write_is_mapped_for_any_real_change()
    {
        var mapper = new NodeChangeMapper(informers, new PlanningOptions(), written);
        written.Record(Web, "1", IngressDigest.Empty, new DesiredCondition("False", "NoNodeMatchesSelector", "m", DateTimeOffset.UnixEpoch));
        written.Succeeded(Web, "2");

        mapper.Map(new ObjectChange<NodeFacts>(ObjectKey.Cluster("n"), Blue, BlueElsewhere)).Should().Equal(
            [Web], "the cached status (one address) is not what the Service has (none), so the rules cannot judge it");
        mapper.Map(new ObjectChange<NodeFacts>(ObjectKey.Cluster("n"), Blue, Blue)).Should().BeEmpty("a heartbeat is still nothing");
    }
}
