using NodeIpam.Simulator.Tables;

namespace NodeIpam.Simulator.Tests.Tables;

public sealed class HumanDurationTests
{
    [TestCase(0, "0s")]
    [TestCase(119, "119s")]
    [TestCase(125, "2m5s")]
    [TestCase(600, "10m")]
    [TestCase(3 * 3600 + 60, "3h1m")]
    [TestCase(10 * 3600, "10h")]
    [TestCase(3 * 86400 + 3600, "3d1h")]
    [TestCase(30 * 86400, "30d")]
    [TestCase(3 * 365 * 86400 + 86400, "3y1d")]
    [TestCase(9 * 365 * 86400, "9y")]
    public void Formats_ages_like_kubectl(int seconds, string expected)
    {
        HumanDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }

    [Test]
    public void Future_timestamps_are_invalid_and_missing_ones_unknown()
    {
        HumanDuration.Format(TimeSpan.FromSeconds(-5)).Should().Be("<invalid>");
        HumanDuration.Since(null, DateTimeOffset.UnixEpoch).Should().Be("<unknown>");
    }
}
