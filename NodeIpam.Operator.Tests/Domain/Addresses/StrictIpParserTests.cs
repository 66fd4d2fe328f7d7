using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Tests.Domain.Addresses;

public class StrictIpParserTests
{
    [TestCase("10.0.0.1", "10.0.0.1")]
    [TestCase("0.0.0.0", "0.0.0.0")]
    [TestCase("255.255.255.255", "255.255.255.255")]
    [TestCase("192.168.100.200", "192.168.100.200")]
    public void Accepts_dotted_quads(string text, string canonical) => Parse(text).Should().Be(canonical);

    [TestCase("10.5", "four")]
    [TestCase("10.0.0", "four")]
    [TestCase("10.0.0.1.2", "four")]
    [TestCase("10.0.0.011", "leading zero")]
    [TestCase("010.0.0.1", "leading zero")]
    [TestCase("10.0.0.00", "leading zero")]
    [TestCase("0x0a.0.0.1", "decimal digit")]
    [TestCase("300.1.1.1", "greater than 255")]
    [TestCase("1.1.1.256", "greater than 255")]
    [TestCase("1.1.1.1000", "greater than 255")]
    [TestCase("167772161", "four")]
    [TestCase("10..0.1", "four")]
    [TestCase("10.0.0.1.", "four")]
    [TestCase(" 10.0.0.1", "decimal digit")]
    [TestCase("10.0.0.1 ", "decimal digit")]
    [TestCase("10.0.0.1/24", "decimal digit")]
    [TestCase("-1.0.0.1", "decimal digit")]
    [TestCase("", "empty")]
    public void Rejects_what_is_not_a_dotted_quad(string text, string problem)
    {
        StrictIpParser.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(problem);
    }

    [TestCase("2001:db8::1", "2001:db8::1")]
    [TestCase("2001:DB8::1", "2001:db8::1")]
    [TestCase("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [TestCase("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [TestCase("2001:0:0:1:0:0:0:1", "2001:0:0:1::1")]
    [TestCase("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [TestCase("::", "::")]
    [TestCase("::1", "::1")]
    [TestCase("1::", "1::")]
    [TestCase("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [TestCase("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8")]
    [TestCase("fe80::1:2", "fe80::1:2")]
    [TestCase("64:ff9b::192.0.2.33", "64:ff9b::c000:221")]
    [TestCase("::10.0.0.1", "::a00:1")]
    public void Accepts_RFC_4291_text_and_prints_RFC_5952(string text, string canonical) => Parse(text).Should().Be(canonical);

    [TestCase("::ffff:10.0.0.1", "10.0.0.1")]
    [TestCase("::FFFF:0a00:0001", "10.0.0.1")]
    [TestCase("0:0:0:0:0:ffff:c000:201", "192.0.2.1")]
    public void Turns_IPv4_mapped_IPv6_into_IPv4(string text, string canonical)
    {
        StrictIpParser.TryParse(text, out var ip, out _).Should().BeTrue();
        ip.Family.Should().Be(IpFamily.IPv4);
        ip.ToString().Should().Be(canonical);
    }

    [TestCase("2001:0000:4", "eight groups")]
    [TestCase("1:2:3:4:5:6:7", "eight groups")]
    [TestCase("1:2:3:4:5:6:7:8:9", "too many groups")]
    [TestCase("1:2:3:4:5:6:7:8::", "too many groups")]
    [TestCase("1::2::3", "more than one")]
    [TestCase(":::", "more than one")]
    [TestCase(":1::2", "empty group")]
    [TestCase("1::2:", "empty group")]
    [TestCase("1:2:3:4:5:6:7:", "empty group")]
    [TestCase("12345::1", "more than four")]
    [TestCase("2001:db8::g", "not a hex digit")]
    [TestCase("fe80::1%eth0", "zone")]
    [TestCase("[::1]", "not a hex digit")]
    [TestCase("::1/128", "not a hex digit")]
    [TestCase("::ffff:10.0.0.011", "leading zero")]
    [TestCase("::ffff:10.5", "four")]
    [TestCase("10.0.0.1::", "may only end the address")]
    [TestCase("1:2:3:4:5:6:7:1.2.3.4", "too many groups")]
    public void Rejects_bad_IPv6(string text, string problem)
    {
        StrictIpParser.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(problem);
    }

    [Test]
    public void Accepts_what_System_Net_would_misread_only_when_it_is_really_an_address()
    {
        // IPAddress.TryParse reads "10.5" as 10.0.0.5 and "0x0a.0.0.1" as 10.0.0.1; we never guess.
        System.Net.IPAddress.TryParse("10.5", out _).Should().BeTrue("this is the trap the strict parser avoids");
        StrictIpParser.TryParse("10.5", out _, out _).Should().BeFalse();
    }

    [Test]
    public void Rejects_null() => StrictIpParser.TryParse(null, out _, out _).Should().BeFalse();

    private static string Parse(string text)
    {
        StrictIpParser.TryParse(text, out var ip, out var error).Should().BeTrue(error);
        return ip.ToString();
    }
}
