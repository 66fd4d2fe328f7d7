using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class ReconnectBackoffTests
{
    [Test]
    public void Delays_double_from_800ms_to_a_30s_cap_without_jitter()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReconnectBackoff(new InformerOptions(), time, () => 0);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        delays.Should().Equal(0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 30, 30);
    }

    [Test]
    public void Jitter_adds_up_to_the_whole_delay()
    {
        var backoff = new ReconnectBackoff(new InformerOptions(), new FakeTimeProvider(), () => 0.5);

        backoff.NextDelay().Should().Be(TimeSpan.FromMilliseconds(1200));
        backoff.NextDelay().Should().Be(TimeSpan.FromMilliseconds(2400));
    }

    [Test]
    public void Two_healthy_minutes_reset_the_delay()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReconnectBackoff(new InformerOptions(), time, () => 0);
        backoff.NextDelay();
        backoff.NextDelay();
        time.Advance(TimeSpan.FromSeconds(119));
        backoff.NextDelay().Should().Be(TimeSpan.FromSeconds(3.2));

        time.Advance(TimeSpan.FromMinutes(2));

        backoff.NextDelay().Should().Be(TimeSpan.FromMilliseconds(800));
    }

    [Test]
    public void Options_that_cannot_work_are_rejected()
    {
        var bad = new InformerOptions { BackoffInitial = TimeSpan.FromSeconds(10), BackoffMax = TimeSpan.FromSeconds(1) };

        bad.Invoking(o => o.Validate()).Should().Throw<ArgumentException>();
        new InformerOptions { PageSize = 0 }.Invoking(o => o.Validate()).Should().Throw<ArgumentException>();
        new InformerOptions().Validate().PageSize.Should().Be(500);
    }
}
