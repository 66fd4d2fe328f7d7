using NodeIpam.Operator.Cli;

namespace NodeIpam.Operator.Tests.Cli;

public class ParsedArgumentsTests
{
    private static readonly HashSet<string> Values = ["-f", "--filename", "-o"];
    private static readonly HashSet<string> Flags = ["--all"];

    [Test]
    public void Reads_separate_and_joined_values_and_flags()
    {
        var parsed = ParsedArguments.Parse(["-f", "a.yaml", "--filename=b.yaml", "-o=json", "--all", "-o", "yaml"], Values, Flags);
        parsed.All("-f", "--filename").Should().Equal("a.yaml", "b.yaml");
        parsed.Last("-o").Should().Be("yaml");
        parsed.Has("--all").Should().BeTrue();
        parsed.Last("--missing").Should().BeNull();
    }

    [Test]
    public void A_value_may_look_like_an_option_or_be_a_dash() =>
        ParsedArguments.Parse(["-f", "-"], Values, Flags).Last("-f").Should().Be("-");

    [TestCase(new[] { "-f" }, "option -f needs a value")]
    [TestCase(new[] { "--nope" }, "unknown option --nope")]
    [TestCase(new[] { "--all=yes" }, "unknown option --all")]
    [TestCase(new[] { "stray" }, "unexpected argument \"stray\"")]
    public void Rejects_what_it_does_not_know(string[] args, string message) =>
        FluentActions.Invoking(() => ParsedArguments.Parse(args, Values, Flags))
            .Should().Throw<UsageException>().WithMessage(message);
}
