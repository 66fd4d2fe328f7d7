using NodeIpam.Operator.Cli;
using NodeIpam.Playground;

namespace NodeIpam.Operator.Tests.Playground;

public sealed class HintsTests
{
    [Test]
    public void Every_plugin_command_in_the_hints_is_a_valid_plan_command_line()
    {
        var plugin = Hints.Text("/tmp/kubeconfig").Split('\n')
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.StartsWith("kubectl nodeipam ", StringComparison.Ordinal))
            .ToList();

        plugin.Should().Contain("kubectl nodeipam plan svc/web-edge");
        foreach (var line in plugin)
        {
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..];
            args[0].Should().Be("plan");
            FluentActions.Invoking(() => PlanCommand.Parse(args[1..])).Should().NotThrow(line);
        }
    }
}
