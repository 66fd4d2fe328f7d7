using NodeIpam.Operator.Controllers;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class IngressFingerprintTests
{
    [Test]
    public void The_fingerprint_is_sha256_of_the_sorted_canonical_ips_so_any_process_computes_the_same()
    {
        // Expected values computed outside .NET (Python hashlib) over "10.0.0.1,10.0.0.2,2001:db8::1" and "".
        IngressFingerprint.Of(["2001:db8::1", "10.0.0.2", "10.0.0.1"]).Should().Be("b71634bfe1a0");
        IngressFingerprint.Of([]).Should().Be("e3b0c44298fc");
    }

    [Test]
    public void A_message_carries_it_at_its_end()
    {
        var message = "advertising 2 addresses of 2 nodes" + IngressFingerprint.Suffix(["10.0.0.2", "10.0.0.1"]);

        message.Should().Be($"advertising 2 addresses of 2 nodes [ingress sha256:{IngressFingerprint.Of(["10.0.0.1", "10.0.0.2"])}]");
        IngressFingerprint.Read(message).Should().Be(IngressFingerprint.Of(["10.0.0.1", "10.0.0.2"]));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("advertising 2 addresses of 2 nodes")]
    [TestCase("advertising [ingress sha256:B71634BFE1A0]")]
    [TestCase("advertising [ingress sha256:b71634bfe1a]")]
    [TestCase("advertising [ingress sha256:b71634bfe1a0] and more")]
    public void A_message_without_a_well_formed_fingerprint_has_none(string? message)
    {
        IngressFingerprint.Read(message).Should().BeNull();
    }
}
