using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Runtime.Tests.Informers;

public class ReconnectBackoffTests
{
    [Test]
    public void Delays_double_from_800ms_and_the_base_stops_at_15s_so_that_jitter_stays_within_30s()
    {
        var time = new FakeTimeProvider();
        var backoff = new ReconnectBackoff(new InformerOptions(), time, () => 0);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelay().TotalSeconds).ToList();

        delays.Should().Equal(0.8, 1.6, 3.2, 6.4, 12.8, 15, 15, 15);
    }

    [Test]
    public void No_delay_exceeds_30s_after_many_failures_whatever_the_jitter()
    {
        // A long outage on a fake clock: every attempt fails right after its delay, so the backoff never resets.
        var time = new FakeTimeProvider();
        var random = new Random(12);
        var calls = 0;

        // Some draws at the top of the range once the base delay has stopped growing.
        var backoff = new ReconnectBackoff(new InformerOptions(), time, () => ++calls % 50 == 0 ? 0.999_999_999 : random.NextDouble());
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 1_000; i++)
        {
            var delay = backoff.NextDelay();
            delays.Add(delay);
            time.Advance(delay);
        }

        delays.Should().OnlyContain(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(30));
        delays.Max().Should().Be(TimeSpan.FromSeconds(30), "the cap is reached");

        // Still jittered at the cap: clients that failed together do not retry together.
        var steady = delays.Skip(100).ToList();
        steady.Min().Should().BeLessThan(TimeSpan.FromSeconds(17));
        steady.Max().Should().BeGreaterThan(TimeSpan.FromSeconds(28));
    }

    [Test]
    public void The_cap_holds_for_other_jitter_factors_and_an_initial_delay_above_the_base_cap()
    {
        var options = new InformerOptions { BackoffInitial = TimeSpan.FromSeconds(20), BackoffMax = TimeSpan.FromSeconds(30), BackoffJitter = 3 };
        var backoff = new ReconnectBackoff(options, new FakeTimeProvider(), () => 0.99);

        Enumerable.Range(0, 50).Select(_ => backoff.NextDelay()).Should().OnlyContain(d => d == TimeSpan.FromSeconds(30));
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
