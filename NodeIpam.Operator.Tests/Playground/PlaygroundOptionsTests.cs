using NodeIpam.Operator.Cli;
using NodeIpam.Playground;

namespace NodeIpam.Operator.Tests.Playground;

public sealed class PlaygroundOptionsTests
{
    [Test]
    public void Without_flags_the_defaults_apply() =>
        PlaygroundOptions.Parse([]).Should().Be(new PlaygroundOptions { Once = false, Samples = PlaygroundOptions.DefaultSamples, Port = 0 });

    [Test]
    public void Reads_every_flag() =>
        PlaygroundOptions.Parse(["--once", "--samples", "other", "--port=8443"])
            .Should().Be(new PlaygroundOptions { Once = true, Samples = "other", Port = 8443 });

    [Test]
    public void Once_takes_true_or_false() =>
        PlaygroundOptions.Parse(["--once=false"]).Once.Should().BeFalse();

    [TestCase(new[] { "--port", "70000" }, "--port takes a port number, not \"70000\"")]
    [TestCase(new[] { "--port", "http" }, "--port takes a port number, not \"http\"")]
    [TestCase(new[] { "--samples" }, "required argument missing for option: '--samples'")]
    [TestCase(new[] { "--twice" }, "unknown option --twice")]
    [TestCase(new[] { "--once=maybe" }, "--once takes true or false, not \"maybe\"")]
    public void Rejects_a_wrong_command_line_in_one_line(string[] args, string message) =>
        FluentActions.Invoking(() => PlaygroundOptions.Parse(args)).Should().Throw<UsageException>().WithMessage(message);
}
