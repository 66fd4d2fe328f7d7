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
            "--workers", "4", "--health-probe-bind-address", ":9440", "--metrics-bind-address=0", "--metrics-secure=false",
            "--metrics-cert-dir", "/certs",
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
            MetricsSecure = false,
            MetricsCertDir = "/certs",
        });
    }

    [TestCase(new string[0], true)]
    [TestCase(new[] { "--metrics-secure" }, true)]
    [TestCase(new[] { "--metrics-secure=true" }, true)]
    [TestCase(new[] { "--metrics-secure=false" }, false)]
    [TestCase(new[] { "--metrics-secure=false", "--metrics-secure" }, true)]
    public void Boolean_flags_take_no_value_true_or_false(string[] args, bool secure)
    {
        RunCommand.Parse(args).MetricsSecure.Should().Be(secure);
        RunCommand.Parse(["--leader-elect=false", "--manage-services-without-class=true"])
            .Should().Match<RunOptions>(o => !o.LeaderElect && o.ManageServicesWithoutClass);
    }

    [Test]
    public async Task A_busy_probe_port_is_one_line_and_exit_code_1()
    {
        await using var simulator = await NodeIpam.Simulator.KubeApiSimulator.StartAsync();
        var kubeconfig = Path.GetTempFileName();
        simulator.WriteKubeconfig(kubeconfig);
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        try
        {
            var (code, _, error) = await CliRunner.RunAsync(
                "run", "--kubeconfig", kubeconfig, "--health-probe-bind-address", $"127.0.0.1:{port}", "--metrics-bind-address", "0");

            code.Should().Be(ExitCodes.Failure);
            error.Should().Be($"error: cannot serve /healthz and /readyz on 127.0.0.1:{port}: the address is already in use\n");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
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
    [TestCase("--metrics-secure=maybe", "--leader-elect", "--metrics-secure takes true or false")]
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
    public async Task Help_lists_every_flag()
    {
        var (code, output, _) = await CliRunner.RunAsync("run", "--help");

        code.Should().Be(ExitCodes.Success);
        foreach (var flag in (string[])["--kubeconfig", "--manage-services-without-class", "--leader-elect", "--leader-election-namespace", "--workers", "--health-probe-bind-address", "--metrics-bind-address", "--metrics-secure", "--metrics-cert-dir"])
        {
            output.Should().Contain(flag);
        }
    }
}
