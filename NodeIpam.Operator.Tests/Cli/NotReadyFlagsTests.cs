using NodeIpam.Operator.Cli;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Tests.Cli;

/// <summary>--exclude-not-ready-nodes, --not-ready-grace (run and plan) and plan's --now.</summary>
[TestFixture]
internal sealed class NotReadyFlagsTests
{
    [TestCase("40s", 40_000)]
    [TestCase("2m", 120_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("300ms", 300)]
    [TestCase("0", 0)]
    [TestCase("1m0.5s", 60_500)]
    public void Kubernetes_durations_are_read(string text, long milliseconds) =>
        GoDuration.Parse("--not-ready-grace", text).Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [TestCase("40")]
    [TestCase("-5s")]
    [TestCase("5 s")]
    [TestCase("1d")]
    [TestCase("")]
    [TestCase("s")]
    public void Other_text_is_a_usage_error_naming_the_flag(string text) =>
        FluentActions.Invoking(() => GoDuration.Parse("--not-ready-grace", text))
            .Should().Throw<UsageException>().WithMessage("--not-ready-grace takes a duration such as 40s, 2m or 1h30m*");

    [Test]
    public void Run_reads_the_NotReady_flags_and_defaults_to_Ciliums_rule()
    {
        var options = RunCommand.Parse(["--exclude-not-ready-nodes", "--not-ready-grace=2m"]);
        options.Planning.Should().Be(new PlanningOptions { ExcludeNotReadyNodes = true, NotReadyGrace = TimeSpan.FromMinutes(2) });

        RunCommand.Parse([]).Planning.Should().Be(new PlanningOptions { ExcludeNotReadyNodes = false, NotReadyGrace = TimeSpan.FromSeconds(40) });
    }

    [Test]
    public void Plan_reads_now_as_RFC_3339_and_refuses_anything_else()
    {
        var options = PlanOptions.Parse(["-f", "x.yaml", "--now", "2026-12-05T05:00:00+01:00", "--exclude-not-ready-nodes", "--not-ready-grace", "10s"]);
        options.Now.Should().Be(new DateTimeOffset(2026, 12, 5, 4, 0, 0, TimeSpan.Zero));
        options.Planning.Should().Be(new PlanningOptions { ExcludeNotReadyNodes = true, NotReadyGrace = TimeSpan.FromSeconds(10) });
        PlanOptions.Parse(["-f", "x.yaml"]).Now.Should().BeNull();

        FluentActions.Invoking(() => PlanOptions.Parse(["-f", "x.yaml", "--now", "yesterday"]))
            .Should().Throw<UsageException>().WithMessage("--now takes an RFC 3339 time*");
    }
}
