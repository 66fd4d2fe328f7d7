using k8s.Models;
using NodeIpam.Operator.Controllers;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class NamePoolTests
{
    [Test]
    public void Equal_strings_come_back_as_one_instance()
    {
        var pool = new NamePool();
        var first = pool.Share(new string("node-1".ToCharArray()));

        var second = pool.Share(new string("node-1".ToCharArray()));

        second.Should().BeSameAs(first);
        pool.Share("node-2").Should().Be("node-2");
    }

    [Test]
    public void Past_its_capacity_it_starts_afresh_and_still_returns_equal_strings()
    {
        var pool = new NamePool();
        var early = pool.Share(new string("early".ToCharArray()));
        for (var i = 0; i < NamePool.Capacity; i++)
        {
            pool.Share(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var again = pool.Share(new string("early".ToCharArray()));

        again.Should().Be("early");
        again.Should().NotBeSameAs(early, "the strings seen before the pool started afresh are no longer held");
        pool.Share(new string("early".ToCharArray())).Should().BeSameAs(again);
    }

    [Test]
    public void Plain_ingress_entries_of_different_services_become_one_instance_and_others_are_kept_as_they_are()
    {
        var pool = new NamePool();

        var first = pool.Share(new V1LoadBalancerIngress { Ip = "203.0.113.1", IpMode = "VIP" });
        var second = pool.Share(new V1LoadBalancerIngress { Ip = "203.0.113.1", IpMode = "VIP" });
        var proxy = pool.Share(new V1LoadBalancerIngress { Ip = "203.0.113.1", IpMode = "Proxy" });
        var named = new V1LoadBalancerIngress { Hostname = "lb.example.com" };

        second.Should().BeSameAs(first);
        proxy.Should().NotBeSameAs(first);
        proxy.IpMode.Should().Be("Proxy");
        pool.Share(named).Should().BeSameAs(named);
    }
}
