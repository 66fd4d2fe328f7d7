using NodeIpam.Operator.Cli;

namespace NodeIpam.Operator.Tests.Cli;

public class CommandLineTests
{
    [Test]
    public async Task Without_arguments_is_a_one_line_usage_error()
    {
        var (code, output, error) = await CliRunner.RunAsync();
        code.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().Be("error: required command was not provided (run with --help to list the commands)\n");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Help_lists_the_commands(string help)
    {
        var (code, output, error) = await CliRunner.RunAsync(help);
        code.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        output.Should().Contain("Usage:").And.Contain("NodeIpam.Operator [command]");
        output.Should().MatchRegex(@"\n  run\b").And.MatchRegex(@"\n  plan\b").And.MatchRegex(@"\n  generate\b");
    }

    [TestCase("run")]
    [TestCase("plan")]
    [TestCase("generate")]
    [TestCase("generate", "manifests")]
    public async Task Every_command_has_help_even_with_other_arguments(params string[] command)
    {
        var (code, output, error) = await CliRunner.RunAsync([.. command, "--bogus", "--help"]);
        code.Should().Be(ExitCodes.Success);
        error.Should().BeEmpty();
        output.Should().Contain($"NodeIpam.Operator {string.Join(' ', command)}");
    }

    [Test]
    public async Task An_unknown_command_is_a_one_line_usage_error()
    {
        var (code, _, error) = await CliRunner.RunAsync("deploy");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Be("error: unknown command \"deploy\" (run with --help to list the commands)\n");
    }

    [TestCase("--manage-services-without-class", true)]
    [TestCase("--manage-services-without-class=true", true)]
    [TestCase("--manage-services-without-class=false", false)]
    [TestCase("--manage-services-without-class=False", false)]
    public void A_boolean_flag_takes_no_value_or_true_or_false(string arg, bool expected)
    {
        RunCommand.Parse([arg]).ManageServicesWithoutClass.Should().Be(expected);
        PlanCommand.Parse(["-f", "-", arg]).Management.ManageServicesWithoutClass.Should().Be(expected);
    }

    [Test]
    public async Task A_boolean_flag_with_another_value_is_a_usage_error()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--leader-elect=yes");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Be("error: --leader-elect takes true or false, not \"yes\" (run \"run --help\" for usage)\n");
    }

    [Test]
    public void Values_may_be_joined_with_equals_and_may_be_a_dash()
    {
        var options = PlanCommand.Parse(["-f", "-", "--filename=b.yaml", "-f=c.yaml", "-o=json"]);
        options.Sources.Should().Equal("-", "b.yaml", "c.yaml");
        options.Output.Should().Be(PlanOutput.Json);
    }

    [TestCase(new[] { "run", "--workers" }, "required argument missing for option: '--workers'")]
    [TestCase(new[] { "run", "stray" }, "unexpected argument \"stray\"")]
    [TestCase(new[] { "plan", "-f", "-", "-o", "json", "-o", "yaml" }, "option '-o' expects a single argument but 2 were provided")]
    public async Task Other_mistakes_are_one_line_usage_errors(string[] args, string message)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);
        code.Should().Be(ExitCodes.Usage);
        error.Should().StartWith($"error: {message} (run \"{args[0]} --help\" for usage)").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }
}
