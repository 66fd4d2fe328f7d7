using System.Net.Sockets;
using NodeIpam.Operator.Hosting;

namespace NodeIpam.Operator.Tests.Hosting;

[TestFixture]
internal sealed class OneLineConsoleFormatterTests
{
    [Test]
    public void An_unreachable_api_server_is_described_by_its_messages_without_a_stack_trace()
    {
        var failure = Thrown(() => throw new HttpRequestException("Connection refused (127.0.0.1:6443)", new SocketException(111)));

        var text = OneLineConsoleFormatter.Describe(failure);

        text.Should().StartWith("Connection refused (127.0.0.1:6443)");
        text.Should().NotContain(" at ");
    }

    [Test]
    public void An_unexpected_exception_keeps_its_stack_trace()
    {
        var bug = Thrown(() => throw new InvalidCastException("a bug"));

        OneLineConsoleFormatter.Describe(bug).Should().Contain("a bug").And.Contain(" at ");
    }

    [Test]
    public void A_list_field_is_written_as_its_items()
    {
        OneLineConsoleFormatter.FieldText(new List<string> { "10.0.0.1", "10.0.0.2" }).Should().Be("10.0.0.1,10.0.0.2");
        OneLineConsoleFormatter.FieldText("plain").Should().Be("plain");
        OneLineConsoleFormatter.FieldText(42).Should().Be("42");
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("the action did not throw");
    }
}
