namespace NodeIpam.Operator.Tests.Cli;

public class CommandLineTests
{
    [Test]
    public async Task Without_arguments_prints_usage_to_stderr_and_fails()
    {
        var (code, output, error) = await CliRunner.RunAsync();
        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("Usage: NodeIpam.Operator <command>").And.Contain("plan");
    }

    [Test]
    public async Task Help_lists_the_commands()
    {
        var (code, output, _) = await CliRunner.RunAsync("--help");
        code.Should().Be(0);
        output.Should().Contain("plan        show which addresses each LoadBalancer Service gets");
    }

    [Test]
    public async Task An_unknown_command_is_a_one_line_usage_error()
    {
        var (code, _, error) = await CliRunner.RunAsync("deploy");
        code.Should().Be(2);
        error.Should().Be("error: unknown command \"deploy\" (run with --help to list the commands)\n");
    }
}
