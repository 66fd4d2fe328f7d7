using NodeIpam.Simulator.Serving;

namespace NodeIpam.Simulator.Tests.Serving;

public sealed class ServeArgumentsTests
{
    [Test]
    public void Parses_port_seeds_and_kubeconfig()
    {
        var (args, error) = ServeArguments.Parse(["serve", "--port", "8080", "--seed", "a", "--seed=b.yaml", "--kubeconfig-out", "k", "--log-requests"]);

        error.Should().BeNull();
        args.Should().Be(new ServeArguments(8080, args!.Seeds, "k", LogRequests: true));
        args.Seeds.Should().Equal("a", "b.yaml");
    }

    [Test]
    public void Without_options_the_defaults_apply()
    {
        var (args, error) = ServeArguments.Parse(["serve", "--log-requests=false"]);

        error.Should().BeNull();
        args!.Port.Should().Be(0);
        args.Seeds.Should().BeEmpty();
        args.KubeconfigOut.Should().BeNull();
        args.LogRequests.Should().BeFalse();
        args.Tls.Should().BeFalse("plain HTTP unless asked");
    }

    [Test]
    public void Tls_is_a_flag()
    {
        var (args, error) = ServeArguments.Parse(["serve", "--tls"]);

        error.Should().BeNull();
        args!.Tls.Should().BeTrue();
    }

    [TestCase]
    [TestCase("run")]
    [TestCase("serve", "--port")]
    [TestCase("serve", "--port", "99999")]
    [TestCase("serve", "--bogus")]
    public void Rejects_anything_else_in_one_line(params string[] argv)
    {
        var (args, error) = ServeArguments.Parse(argv);

        args.Should().BeNull();
        error.Should().StartWith("error: ").And.Contain("serve --help").And.NotContain("\n");
    }

    [Test]
    public void Help_is_not_an_error() =>
        ServeArguments.Error(ServeArguments.Build((_, _) => Task.FromResult(0)).Parse(["serve", "--help"])).Should().BeNull();
}
