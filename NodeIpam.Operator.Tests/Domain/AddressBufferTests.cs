using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Tests.Domain;

public class AddressBufferTests
{
    [Test]
    public void Grows_past_its_first_capacity_and_returns_sorted_distinct_addresses()
    {
        using var buffer = new AddressBuffer();
        for (var i = 300; i > 0; i--)
        {
            buffer.Add([Address($"10.0.{i / 256}.{i % 256}"), Address("10.0.0.1")]);
        }

        var output = new List<string>();
        buffer.Count.Should().Be(600);
        buffer.AppendSortedDistinct(output).Should().Be(300);
        output.Should().HaveCount(300).And.StartWith(["10.0.0.1", "10.0.0.2"]).And.EndWith("10.0.1.44");
    }

    [Test]
    public void Appends_after_what_the_output_already_holds()
    {
        using var buffer = new AddressBuffer();
        buffer.Add([Address("fd00::10"), Address("fd00::9")]);
        var output = new List<string> { "10.0.0.1" };
        buffer.AppendSortedDistinct(output);
        output.Should().Equal("10.0.0.1", "fd00::9", "fd00::10");
    }

    private static NodeAddress Address(string text) =>
        NodeAddress.TryParse(text, out var error) ?? throw new AssertionException($"{text}: {error}");
}
