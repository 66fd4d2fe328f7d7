using NodeIpam.Operator.Cli;
using NodeIpam.Operator.Hosting;

namespace NodeIpam.Operator.Tests.Cli;

[TestFixture]
internal sealed class RunCommandTests
{
    [Test]
    public void Every_flag_is_parsed()
    {
        var options = RunCommand.Parse(
        [
            "--kubeconfig", "/tmp/config", "--manage-services-without-class", "--leader-elect", "--leader-election-namespace=ops",
            "--workers", "4", "--health-probe-bind-address", ":9440", "--metrics-bind-address=0",
        ]);

        options.Should().Be(new RunOptions
        {
            Kubeconfig = "/tmp/config",
            ManageServicesWithoutClass = true,
            LeaderElect = true,
            LeaderElectionNamespace = "ops",
            Workers = 4,
            HealthProbeBindAddress = ":9440",
            MetricsBindAddress = "0",
        });
    }

    [Test]
    public void Without_flags_the_defaults_apply()
    {
        var options = RunCommand.Parse([]);

        options.Should().Be(new RunOptions());
        options.Workers.Should().Be(RunOptions.DefaultWorkers);
        options.LeaderElect.Should().BeFalse();
    }

    [TestCase("--workers", "two", "--workers takes a whole number")]
    [TestCase("--workers", "0", "--workers must be between 1 and 64")]
    [TestCase("--metrics-bind-address", "nonsense:port", "metrics bind address")]
    [TestCase("--bogus", "1", "unknown option --bogus")]
    public async Task A_bad_command_line_is_a_usage_error_in_one_line(string flag, string value, string expected)
    {
        var (code, _, error) = await CliRunner.RunAsync("run", flag, value);

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain(expected);
        error.TrimEnd().Should().NotContain("\n");
    }

    [Test]
    public async Task A_missing_kubeconfig_is_one_clear_line_and_exit_code_1()
    {
        var (code, _, error) = await CliRunner.RunAsync("run", "--kubeconfig", "/nonexistent/kubeconfig", "--health-probe-bind-address", "0", "--metrics-bind-address", "0");

        code.Should().Be(ExitCodes.Failure);
        error.Should().StartWith("error: cannot load the Kubernetes configuration:").And.Contain("/nonexistent/kubeconfig");
        error.Should().NotContain("   at ");
    }

    [Test]
    public async Task Help_lists_every_flag_and_its_default()
    {
        var (code, output, _) = await CliRunner.RunAsync("run", "--help");

        code.Should().Be(ExitCodes.Success);
        output.Should().Contain($"[default: {RunOptions.DefaultWorkers}]").And.Contain("[default: :8081]");
        foreach (var flag in (string[])["--kubeconfig", "--manage-services-without-class", "--leader-elect", "--leader-election-namespace", "--workers", "--health-probe-bind-address", "--metrics-bind-address"])
        {
            output.Should().Contain(flag);
        }
    }
}
