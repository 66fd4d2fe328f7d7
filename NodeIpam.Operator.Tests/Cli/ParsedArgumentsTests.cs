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
    public void A_flag_takes_no_value_true_or_false()
    {
        ParsedArguments.Parse(["--all"], Values, Flags).Flag("--all").Should().BeTrue();
        ParsedArguments.Parse(["--all=true"], Values, Flags).Flag("--all").Should().BeTrue();
        ParsedArguments.Parse(["--all=false"], Values, Flags).Flag("--all", absent: true).Should().BeFalse();
        ParsedArguments.Parse([], Values, Flags).Flag("--all", absent: true).Should().BeTrue();
    }

    [Test]
    public void A_value_may_look_like_an_option_or_be_a_dash() =>
        ParsedArguments.Parse(["-f", "-"], Values, Flags).Last("-f").Should().Be("-");

    [TestCase(new[] { "-f" }, "option -f needs a value")]
    [TestCase(new[] { "--nope" }, "unknown option --nope")]
    [TestCase(new[] { "--all=yes" }, "--all takes true or false, not \"yes\"")]
    [TestCase(new[] { "stray" }, "unexpected argument \"stray\"")]
    public void Rejects_what_it_does_not_know(string[] args, string message) =>
        FluentActions.Invoking(() => ParsedArguments.Parse(args, Values, Flags))
            .Should().Throw<UsageException>().WithMessage(message);
}
