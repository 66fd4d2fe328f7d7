using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Queue;
using static NodeIpam.Runtime.Tests.Queue.QueueFixtures;

namespace NodeIpam.Runtime.Tests.Queue;

public sealed class BucketRateLimiterTests
{
    [Test]
    public void The_burst_passes_at_once_then_retries_are_spaced_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter(10, 100, time);

        var burst = Enumerable.Range(0, 100).Select(i => limiter.When(Key($"k{i}"))).ToList();
        burst.Should().AllBeEquivalentTo(TimeSpan.Zero);

        limiter.When(Key("x")).Should().Be(TimeSpan.FromMilliseconds(100));
        limiter.When(Key("y")).Should().Be(TimeSpan.FromMilliseconds(200));
        limiter.When(Key("z")).Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Test]
    public void Tokens_refill_with_time_up_to_the_burst()
    {
        var time = new FakeTimeProvider();
        var limiter = new BucketRateLimiter(10, 100, time);
        for (var i = 0; i < 100; i++)
        {
            limiter.When(Key("a"));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        Enumerable.Range(0, 10).Select(_ => limiter.When(Key("a"))).ToList().Should().AllBeEquivalentTo(TimeSpan.Zero);
        limiter.When(Key("a")).Should().Be(TimeSpan.FromMilliseconds(100));

        time.Advance(TimeSpan.FromHours(1));
        Enumerable.Range(0, 100).Select(_ => limiter.When(Key("a"))).ToList().Should().AllBeEquivalentTo(TimeSpan.Zero);
        limiter.When(Key("a")).Should().BePositive("an hour of idleness refills only up to the burst");
    }
}
