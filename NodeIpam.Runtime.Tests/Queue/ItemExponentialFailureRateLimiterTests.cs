using NodeIpam.Runtime.Queue;
using static NodeIpam.Runtime.Tests.Queue.QueueFixtures;

namespace NodeIpam.Runtime.Tests.Queue;

public sealed class ItemExponentialFailureRateLimiterTests
{
    [Test]
    public void Delays_double_from_5_ms_and_stop_at_1000_s()
    {
        var limiter = new ItemExponentialFailureRateLimiter(RuntimeDefaults.FailureBaseDelay, RuntimeDefaults.FailureMaxDelay);

        var delays = Enumerable.Range(0, 22).Select(_ => limiter.When(Key("a"))).ToList();

        var expected = Enumerable.Range(0, 18).Select(n => TimeSpan.FromMilliseconds(5 * Math.Pow(2, n))).ToList();
        delays.Take(18).Should().Equal(expected, "5 ms, 10 ms, 20 ms ... 655.36 s");
        delays.Skip(18).Should().AllBeEquivalentTo(TimeSpan.FromSeconds(1000), "5 ms * 2^18 = 1310.72 s is past the cap");
    }

    [Test]
    public void Keys_back_off_independently()
    {
        var limiter = new ItemExponentialFailureRateLimiter(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When(Key("a"));
        limiter.When(Key("a"));

        limiter.When(Key("b")).Should().Be(TimeSpan.FromMilliseconds(5));
        limiter.NumRequeues(Key("a")).Should().Be(2);
        limiter.NumRequeues(Key("b")).Should().Be(1);
    }

    [Test]
    public void Forget_resets_the_key_to_the_base_delay()
    {
        var limiter = new ItemExponentialFailureRateLimiter(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When(Key("a"));
        limiter.When(Key("a"));

        limiter.Forget(Key("a"));

        limiter.NumRequeues(Key("a")).Should().Be(0);
        limiter.When(Key("a")).Should().Be(TimeSpan.FromMilliseconds(5));
    }

    [Test]
    public void Thousands_of_failures_stay_at_the_cap()
    {
        var limiter = new ItemExponentialFailureRateLimiter(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        for (var i = 0; i < 5000; i++)
        {
            limiter.When(Key("a"));
        }

        limiter.When(Key("a")).Should().Be(TimeSpan.FromSeconds(1000));
    }
}
