using NodeIpam.Simulator.Serving;

namespace NodeIpam.Simulator.Tests.Serving;

public sealed class ServeArgumentsTests
{
    [Test]
    public void Parses_port_seeds_and_kubeconfig()
    {
        var (args, error) = ServeArguments.Parse(["serve", "--port", "8080", "--seed", "a", "--seed", "b.yaml", "--kubeconfig-out", "k", "--log-requests"]);

        error.Should().BeNull();
        args.Should().Be(new ServeArguments(8080, args!.Seeds, "k", LogRequests: true));
        args.Seeds.Should().Equal("a", "b.yaml");
    }

    [TestCase]
    [TestCase("run")]
    [TestCase("serve", "--port")]
    [TestCase("serve", "--port", "99999")]
    [TestCase("serve", "--bogus")]
    public void Rejects_anything_else_with_the_usage(params string[] argv)
    {
        var (args, error) = ServeArguments.Parse(argv);

        args.Should().BeNull();
        error.Should().Contain("usage:");
    }
}
