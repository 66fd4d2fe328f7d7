using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Domain;

public class ServiceFactsTests
{
    private static readonly ManagementOptions WithoutClass = new(ManageServicesWithoutClass: true);

    [Test]
    public void Manages_LoadBalancer_Services_of_our_class() =>
        ServiceAdapter.Facts(Service(), ManagementOptions.Default).IsManaged.Should().BeTrue();

    [Test]
    public void Ignores_other_classes_even_when_managing_classless_Services()
    {
        var facts = ServiceAdapter.Facts(Service(loadBalancerClass: "example.com/lb"), WithoutClass);
        facts.IsManaged.Should().BeFalse();
        facts.UnmanagedReason.Should().Be("loadBalancerClass is example.com/lb");
    }

    [TestCase(null)]
    [TestCase("")]
    public void Manages_classless_Services_only_when_told_to(string? loadBalancerClass)
    {
        ServiceAdapter.Facts(Service(loadBalancerClass: loadBalancerClass), ManagementOptions.Default).IsManaged.Should().BeFalse();
        ServiceAdapter.Facts(Service(loadBalancerClass: loadBalancerClass), WithoutClass).IsManaged.Should().BeTrue();
    }

    [TestCase("ClusterIP")]
    [TestCase("NodePort")]
    [TestCase("ExternalName")]
    public void Ignores_other_Service_types(string type)
    {
        var facts = ServiceAdapter.Facts(Service(type: type), WithoutClass);
        facts.IsManaged.Should().BeFalse();
        facts.UnmanagedReason.Should().Be($"type is {type}, not LoadBalancer");
    }

    [Test]
    public void Ignores_Services_being_deleted()
    {
        var service = Service();
        service.Metadata.DeletionTimestamp = DateTime.UnixEpoch;
        ServiceAdapter.Facts(service, ManagementOptions.Default).UnmanagedReason.Should().Be("being deleted");
    }

    [TestCase("Local", true)]
    [TestCase("Cluster", false)]
    [TestCase(null, false)]
    [TestCase("local", false)]
    public void Only_Local_restricts_to_endpoint_nodes(string? policy, bool local) =>
        ServiceAdapter.Facts(Service(policy: policy), ManagementOptions.Default).IsLocal.Should().Be(local);

    [Test]
    public void Families_follow_ipFamilies_in_order()
    {
        ServiceAdapter.Facts(Service(families: ["IPv6", "IPv4"]), ManagementOptions.Default).Families
            .Should().Equal(IpFamily.IPv6, IpFamily.IPv4);
    }

    [Test]
    public void Without_ipFamilies_the_cluster_IPs_decide_then_IPv4()
    {
        ServiceAdapter.Facts(Service(clusterIps: ["fd00::10", "10.96.0.10"]), ManagementOptions.Default).Families
            .Should().Equal(IpFamily.IPv6, IpFamily.IPv4);
        ServiceAdapter.Facts(Service(clusterIps: ["None"]), ManagementOptions.Default).Families.Should().Equal(IpFamily.IPv4);
        ServiceAdapter.Facts(Service(), ManagementOptions.Default).Families.Should().Equal(IpFamily.IPv4);
    }

    [Test]
    public void Reads_the_single_clusterIP_when_clusterIPs_is_absent()
    {
        var service = Service();
        service.Spec.ClusterIP = "fd00::1";
        ServiceAdapter.Facts(service, ManagementOptions.Default).Families.Should().Equal(IpFamily.IPv6);
    }

    [Test]
    public void Parses_the_selector_annotation_once()
    {
        var facts = ServiceAdapter.Facts(Service(selector: "zone=a"), ManagementOptions.Default);
        facts.SelectorText.Should().Be("zone=a");
        facts.Selector.Selector!.ToString().Should().Be("zone=a");
        ServiceAdapter.Facts(Service(selector: "zone in"), ManagementOptions.Default).Selector.IsValid.Should().BeFalse();
        ServiceAdapter.Facts(Service(), ManagementOptions.Default).Selector.Selector!.IsEmpty.Should().BeTrue();
    }

    [Test]
    public void Reads_a_Service_without_spec_as_unmanaged() =>
        ServiceAdapter.Facts(new V1Service { Metadata = new V1ObjectMeta { Name = "x" } }, WithoutClass).IsManaged.Should().BeFalse();
}
