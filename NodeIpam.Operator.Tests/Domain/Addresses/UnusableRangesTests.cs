using System.Net;
using FsCheck;
using FsCheck.Fluent;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Tests.Domain.Addresses;

public class UnusableRangesTests
{
    // The oracle is the list, checked with the framework's IPNetwork: independent of the code under test.
    private static readonly IPNetwork[] Oracle =
    [
        .. new[] { "0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fe80::/10", "ff00::/8" }
            .Select(IPNetwork.Parse),
    ];

    [TestCase("0.0.0.0", "current network 0.0.0.0/8")]
    [TestCase("0.255.255.255", "current network 0.0.0.0/8")]
    [TestCase("127.0.0.1", "loopback 127.0.0.0/8")]
    [TestCase("127.255.255.254", "loopback 127.0.0.0/8")]
    [TestCase("169.254.0.1", "link-local 169.254.0.0/16")]
    [TestCase("169.254.255.255", "link-local 169.254.0.0/16")]
    [TestCase("224.0.0.1", "multicast 224.0.0.0/4")]
    [TestCase("239.255.255.255", "multicast 224.0.0.0/4")]
    [TestCase("240.0.0.0", "reserved and broadcast 240.0.0.0/4")]
    [TestCase("255.255.255.255", "reserved and broadcast 240.0.0.0/4")]
    [TestCase("::", "unspecified ::/128")]
    [TestCase("::1", "loopback ::1/128")]
    [TestCase("fe80::1", "link-local fe80::/10")]
    [TestCase("febf:ffff::1", "link-local fe80::/10")]
    [TestCase("ff02::1", "multicast ff00::/8")]
    [TestCase("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "multicast ff00::/8")]
    [TestCase("::ffff:127.0.0.1", "loopback 127.0.0.0/8")]
    [TestCase("::ffff:0.0.0.0", "current network 0.0.0.0/8")]
    [TestCase("::ffff:a9fe:101", "link-local 169.254.0.0/16")]
    public void Names_the_range_of_an_address_that_cannot_receive_traffic(string text, string range) =>
        UnusableRanges.Find(Ip(text)).Should().Be(range);

    [TestCase("1.0.0.0")]
    [TestCase("126.255.255.255")]
    [TestCase("128.0.0.0")]
    [TestCase("169.253.255.255")]
    [TestCase("169.255.0.0")]
    [TestCase("223.255.255.255")]
    [TestCase("10.0.0.1")]
    [TestCase("172.16.0.1")]
    [TestCase("192.168.1.1")]
    [TestCase("100.64.0.1")]
    [TestCase("203.0.113.1")]
    [TestCase("::2")]
    [TestCase("fe7f:ffff::1")]
    [TestCase("fec0::1")]
    [TestCase("feff::1")]
    [TestCase("fd00::1")]
    [TestCase("2001:db8::1")]
    [TestCase("::ffff:10.0.0.1")]
    public void Leaves_private_and_public_addresses_alone(string text) => UnusableRanges.Find(Ip(text)).Should().BeNull();

    [Test]
    public void Agrees_with_the_list_for_any_IPv4_address_and_its_IPv4_mapped_form()
    {
        // Biased towards the ranges' edges: a random first octet is rarely 0, 127, 169 or 224-255.
        var addresses =
            from first in Gen.OneOf(Gen.Choose(0, 255), Gen.Elements(0, 1, 126, 127, 128, 169, 223, 224, 239, 240, 255))
            from second in Gen.OneOf(Gen.Choose(0, 255), Gen.Elements(253, 254, 255))
            from rest in Gen.Choose(0, ushort.MaxValue)
            select $"{first}.{second}.{rest >> 8}.{rest & 0xFF}";
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(addresses.ToArbitrary(), text =>
        {
            var expected = Oracle.Any(n => n.Contains(IPAddress.Parse(text)));
            var mapped = UnusableRanges.Find(Ip($"::ffff:{text}")) is not null;
            return (UnusableRanges.Find(Ip(text)) is not null) == expected && mapped == expected;
        }));
    }

    [Test]
    public void Agrees_with_the_list_for_any_IPv6_address()
    {
        var addresses =
            from first in Gen.OneOf(Gen.Choose(0, ushort.MaxValue), Gen.Elements(0, 0xfe7f, 0xfe80, 0xfebf, 0xfec0, 0xfeff, 0xff00, 0xffff))
            from mapped in Gen.Elements(0, 0, 1, 0xffff)
            from high in Gen.Elements(0, 0, 0x7f00, 0xa9fe, 0xe000, 0x0a00)
            from last in Gen.OneOf(Gen.Choose(0, ushort.MaxValue), Gen.Elements(0, 1, 2))
            select $"{first:x}:0:0:0:0:{mapped:x}:{high:x}:{last:x}";
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(addresses.ToArbitrary(), text =>
        {
            // ::ffff:a.b.c.d is IPv4 here (judged as IPv4) while IPNetwork keeps it IPv6: ask the oracle with its IPv4 form.
            var address = IPAddress.Parse(text);
            var expected = Oracle.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
            return (UnusableRanges.Find(Ip(text)) is not null) == expected;
        }));
    }

    private static CanonicalIp Ip(string text)
    {
        CanonicalIp.TryParse(text, out var ip, out var error).Should().BeTrue(error);
        return ip;
    }
}
