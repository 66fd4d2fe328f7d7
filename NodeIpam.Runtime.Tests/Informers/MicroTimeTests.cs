using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class MicroTimeTests
{
    [Test]
    public void Always_six_fractional_digits_in_utc_even_for_whole_seconds()
    {
        MicroTime.Format(new DateTimeOffset(2026, 11, 26, 6, 11, 23, TimeSpan.Zero)).Should().Be("2026-11-26T06:11:23.000000Z");
        MicroTime.Format(new DateTimeOffset(2026, 11, 26, 7, 11, 23, 123, TimeSpan.FromHours(1)).AddTicks(4567))
            .Should().Be("2026-11-26T06:11:23.123456Z");
    }
}
