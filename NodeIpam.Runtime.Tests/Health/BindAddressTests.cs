using System.Net;
using NodeIpam.Runtime.Health;

namespace NodeIpam.Runtime.Tests.Health;

public sealed class BindAddressTests
{
    [TestCase(":8081", null, 8081)]
    [TestCase("*:8080", null, 8080)]
    [TestCase("127.0.0.1:0", "127.0.0.1", 0)]
    [TestCase("localhost:9000", "127.0.0.1", 9000)]
    [TestCase("[::1]:8443", "::1", 8443)]
    [TestCase("0.0.0.0:8080", "0.0.0.0", 8080)]
    public void Parses_go_style_host_port(string value, string? address, int port)
    {
        var parsed = BindAddress.Parse(value, "test address");

        parsed.Should().NotBeNull();
        parsed!.Address.Should().Be(address is null ? null : IPAddress.Parse(address));
        parsed.Port.Should().Be(port);
    }

    [TestCase("0")]
    [TestCase("")]
    [TestCase(null)]
    public void Zero_or_empty_disables_the_endpoint(string? value) =>
        BindAddress.Parse(value, "test address").Should().BeNull();

    [TestCase("8080")]
    [TestCase(":http")]
    [TestCase(":70000")]
    [TestCase("example.com:80")]
    [TestCase(":-1")]
    public void Malformed_values_are_refused_with_the_flag_named(string value) =>
        FluentActions.Invoking(() => BindAddress.Parse(value, "metrics bind address"))
            .Should().Throw<ArgumentException>().WithMessage("*metrics bind address*");
}
