using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Queue;
using static NodeIpam.Runtime.Tests.Queue.QueueFixtures;

namespace NodeIpam.Runtime.Tests.Queue;

public sealed class MaxOfRateLimiterTests
{
    [Test]
    public void The_default_limiter_takes_the_longer_of_the_backoff_and_the_bucket()
    {
        var time = new FakeTimeProvider();
        var limiter = RateLimiters.Default(time);

        // One key: the bucket has tokens, so the per-key backoff decides.
        limiter.When(Key("a")).Should().Be(TimeSpan.FromMilliseconds(5));
        limiter.When(Key("a")).Should().Be(TimeSpan.FromMilliseconds(10));

        // Exhaust the bucket with other keys: a fresh key now waits for the bucket, not 5 ms.
        for (var i = 0; i < 98; i++)
        {
            limiter.When(Key($"k{i}"));
        }

        limiter.When(Key("fresh")).Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Test]
    public void Forget_and_NumRequeues_reach_the_per_key_limiter()
    {
        var limiter = RateLimiters.Default(new FakeTimeProvider());
        limiter.When(Key("a"));
        limiter.When(Key("a"));
        limiter.NumRequeues(Key("a")).Should().Be(2);

        limiter.Forget(Key("a"));

        limiter.NumRequeues(Key("a")).Should().Be(0);
        limiter.When(Key("a")).Should().Be(TimeSpan.FromMilliseconds(5));
    }
}
