using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Caching;

[TestFixture]
internal sealed class ServiceAdapterTests
{
    [Test]
    public void Only_our_annotations_and_our_condition_are_read()
    {
        var service = Service(selector: "pool=blue");
        service.Metadata.ResourceVersion = "7";
        service.Metadata.Annotations["kubectl.kubernetes.io/last-applied-configuration"] = new string('x', 10_000);
        service.Spec.Ports = [.. Enumerable.Range(1, 1000).Select(p => new V1ServicePort { Port = p })];
        var since = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        service.Status = new V1ServiceStatus
        {
            Conditions =
            [
                new V1Condition { Type = "example.com/Other", Status = "True", Reason = "Theirs" },
                new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = "AddressesAssigned", Message = "m", LastTransitionTime = since },
            ],
        };

        var cached = ServiceAdapter.From(service, ManagementOptions.Default);

        cached.Facts.SelectorText.Should().Be("pool=blue");
        cached.Condition.Should().Be(new OurCondition("True", "AddressesAssigned", "m", new DateTimeOffset(since)));
        cached.ResourceVersion.Should().Be("7");
        cached.Key.Should().Be(new Runtime.ObjectKey("shop", "web"));
        var other = Service(selector: "pool=blue");
        other.Status = new V1ServiceStatus { Conditions = [service.Status.Conditions[1]] };
        ServiceAdapter.From(other, ManagementOptions.Default).SameForController(cached).Should().BeTrue("ports, other annotations and other conditions are not read");
    }

    [TestCase("10.0.0.1", "VIP", true)]
    [TestCase("10.0.0.1", null, true)]
    [TestCase("10.0.0.1", "Proxy", false)]
    [TestCase("10.0.0.01", "VIP", false)]
    [TestCase("::ffff:10.0.0.1", "VIP", false)]
    public void An_ingress_is_canonical_only_in_the_form_we_write(string ip, string? mode, bool canonical)
    {
        var service = Service();
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = ip, IpMode = mode }] } };

        var ingress = ServiceAdapter.From(service, ManagementOptions.Default).Ingress;

        ingress.Canonical.Should().Be(canonical);
        ingress.IsExactly(["10.0.0.1"]).Should().Be(canonical);
    }

    [Test]
    public void Duplicates_hostnames_and_ports_are_not_the_form_we_write()
    {
        IngressOf(new V1LoadBalancerIngress { Ip = "10.0.0.1" }, new V1LoadBalancerIngress { Ip = "10.0.0.1" }).Canonical.Should().BeFalse();
        IngressOf(new V1LoadBalancerIngress { Hostname = "lb.example.com" }).Head.Should().Equal("lb.example.com");
        IngressOf(new V1LoadBalancerIngress { Hostname = "lb.example.com" }).Canonical.Should().BeFalse();
        IngressOf(new V1LoadBalancerIngress { Hostname = "lb.example.com" }, new V1LoadBalancerIngress { Ip = "10.0.0.1" }).IpCount.Should().Be(1, "a hostname is not an advertised address");
        IngressOf(new V1LoadBalancerIngress { Ip = "10.0.0.1", Ports = [new V1PortStatus { Port = 80, Protocol = "TCP" }] }).Canonical.Should().BeFalse();
        IngressOf(new V1LoadBalancerIngress { Ip = "10.0.0.2" }, new V1LoadBalancerIngress { Ip = "10.0.0.1" }).IsExactly(["10.0.0.1", "10.0.0.2"])
            .Should().BeTrue("the order does not matter");
        IngressOf().Should().BeSameAs(IngressFacts.Empty);
    }

    [Test]
    public void Equal_addresses_of_different_services_are_one_shared_string()
    {
        var adapter = new ServiceAdapter(new NamePool(), ManagementOptions.Default);
        var (a, b) = (Service("a"), Service("b"));
        a.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = new string("10.0.0.1".ToCharArray()) }] } };
        b.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = new string("10.0.0.1".ToCharArray()) }] } };

        adapter.Adapt(b).Ingress.Head[0].Should().BeSameAs(adapter.Adapt(a).Ingress.Head[0]);
    }

    [Test]
    public void Equal_condition_texts_and_families_of_different_services_are_shared()
    {
        var adapter = new ServiceAdapter(new NamePool(), ManagementOptions.Default);
        var (a, b) = (Service("a"), Service("b"));
        foreach (var service in new[] { a, b })
        {
            service.Spec.IpFamilies = ["IPv4", "IPv6"];
            service.Status = new V1ServiceStatus
            {
                Conditions =
                [
                    new V1Condition
                    {
                        Type = ServiceStatusNames.ConditionType,
                        Status = new string("True".ToCharArray()),
                        Reason = new string("AddressesAssigned".ToCharArray()),
                        Message = new string("advertising 2 addresses of 2 nodes".ToCharArray()),
                    },
                ],
            };
        }

        var (first, second) = (adapter.Adapt(a), adapter.Adapt(b));

        second.Condition!.Status.Should().BeSameAs(first.Condition!.Status);
        second.Condition.Reason.Should().BeSameAs(first.Condition.Reason);
        second.Condition.Message.Should().BeSameAs(first.Condition.Message);
        second.Facts.Families.Should().BeSameAs(first.Facts.Families).And.Equal(IpFamily.IPv4, IpFamily.IPv6);
    }

    [TestCase("pool=blue", "io.cilium/node", false)]
    [TestCase("pool in (", "io.cilium/node", true)]
    [TestCase("pool=blue", "example.com/other", true)]
    public void Every_address_is_kept_only_where_a_decision_reads_them(string selector, string loadBalancerClass, bool kept)
    {
        var service = Service(selector: selector, loadBalancerClass: loadBalancerClass);
        var ips = Enumerable.Range(1, 12).Select(i => $"10.0.0.{i}").ToList();
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [.. ips.Select(ip => new V1LoadBalancerIngress { Ip = ip })] } };

        var ingress = ServiceAdapter.From(service, ManagementOptions.Default).Ingress;

        (ingress.All is not null).Should().Be(kept, "only a Service that is not ours or whose selector cannot be read needs them");
        ingress.Head.Should().Equal(ips.Take(IngressFacts.HeadLength));
        (ingress.Count, ingress.Digest).Should().Be((12, IngressDigest.Of(ips)));
    }

    [Test]
    public void The_digest_is_of_a_set_in_any_order()
    {
        IngressDigest.Of(["10.0.0.1", "10.0.0.2"]).Should().Be(IngressDigest.Of(["10.0.0.2", "10.0.0.1"]));
        IngressDigest.Of(["10.0.0.1", "10.0.0.2"]).Should().NotBe(IngressDigest.Of(["10.0.0.1", "10.0.0.3"]));
        IngressDigest.Of(["10.0.0.1", "10.0.0.1"]).Should().NotBe(IngressDigest.Of(["10.0.0.1"]));
        IngressDigest.Of([]).Should().Be(IngressDigest.Empty);
    }

    private static IngressFacts IngressOf(params V1LoadBalancerIngress[] entries)
    {
        var service = Service();
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = entries } };
        return ServiceAdapter.From(service, ManagementOptions.Default).Ingress;
    }
}
