using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Tests.Domain.Addresses;

public class CanonicalIpTests
{
    [Test]
    public void Orders_IPv4_before_IPv6_and_numerically_within_a_family()
    {
        var texts = new[] { "2001:db8::10", "10.0.0.10", "2001:db8::9", "10.0.0.9", "9.255.255.255", "::1" };
        var sorted = texts.Select(Ip).Order().Select(ip => ip.ToString());
        sorted.Should().Equal("9.255.255.255", "10.0.0.9", "10.0.0.10", "::1", "2001:db8::9", "2001:db8::10");
    }

    [Test]
    public void Equal_texts_of_the_same_address_are_equal()
    {
        Ip("2001:DB8:0::1").Should().Be(Ip("2001:db8::1"));
        Ip("::ffff:10.0.0.1").Should().Be(Ip("10.0.0.1"));
    }

    [Test]
    public void Compresses_the_first_of_two_equally_long_zero_runs() =>
        Ip("1:0:0:2:0:0:3:4").ToString().Should().Be("1::2:0:0:3:4");

    [Test]
    public void Never_compresses_a_single_zero_group() =>
        Ip("1:2:3:0:5:6:7:8").ToString().Should().Be("1:2:3:0:5:6:7:8");

    [Test]
    public void Comparison_operators_agree_with_CompareTo()
    {
        (Ip("10.0.0.1") < Ip("10.0.0.2")).Should().BeTrue();
        (Ip("::1") > Ip("255.255.255.255")).Should().BeTrue();
        (Ip("10.0.0.1") <= Ip("10.0.0.1")).Should().BeTrue();
        (Ip("10.0.0.1") >= Ip("10.0.0.2")).Should().BeFalse();
    }

    private static CanonicalIp Ip(string text)
    {
        CanonicalIp.TryParse(text, out var ip, out var error).Should().BeTrue(error);
        return ip;
    }
}
