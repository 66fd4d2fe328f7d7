using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Queue;
using NodeIpam.Runtime.Tests.Metrics;
using static NodeIpam.Runtime.Tests.Queue.QueueFixtures;

namespace NodeIpam.Runtime.Tests.Queue;

public sealed class RateLimitingQueueTests
{
    [Test]
    public void AddAfter_adds_the_key_only_once_the_delay_has_passed()
    {
        var time = new FakeTimeProvider();
        using var queue = RateLimitingQueue(time);

        queue.AddAfter(Key("a"), TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9.999));
        queue.Length.Should().Be(0);

        time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Length.Should().Be(1);
        queue.WaitingCount.Should().Be(0);
    }

    [Test]
    public void The_earliest_of_several_delayed_adds_wins()
    {
        var time = new FakeTimeProvider();
        using var queue = RateLimitingQueue(time);

        queue.AddAfter(Key("a"), TimeSpan.FromSeconds(10));
        queue.AddAfter(Key("a"), TimeSpan.FromSeconds(3));
        queue.AddAfter(Key("a"), TimeSpan.FromSeconds(20));

        time.Advance(TimeSpan.FromSeconds(3));
        queue.Length.Should().Be(1, "the 3 s add moved the key forward");
        queue.WaitingCount.Should().Be(0, "the later adds were absorbed, not kept");
    }

    [Test]
    public async Task Delayed_keys_come_out_in_time_order()
    {
        var time = new FakeTimeProvider();
        using var queue = RateLimitingQueue(time);
        queue.AddAfter(Key("late"), TimeSpan.FromSeconds(5));
        queue.AddAfter(Key("early"), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(1));
        queue.Length.Should().Be(1);
        (await queue.GetAsync(CancellationToken.None)).Should().Be(Key("early"));

        time.Advance(TimeSpan.FromSeconds(4));
        (await queue.GetAsync(CancellationToken.None)).Should().Be(Key("late"));
    }

    [Test]
    public void A_non_positive_delay_adds_at_once()
    {
        using var queue = RateLimitingQueue(new FakeTimeProvider());
        queue.AddAfter(Key("a"), TimeSpan.Zero);
        queue.AddAfter(Key("b"), TimeSpan.FromSeconds(-1));
        queue.Length.Should().Be(2);
    }

    [Test]
    public void AddRateLimited_backs_off_per_key_and_Forget_starts_over()
    {
        var time = new FakeTimeProvider();
        using var queue = RateLimitingQueue(time);

        queue.AddRateLimited(Key("a"));
        queue.AddRateLimited(Key("a"));
        queue.AddRateLimited(Key("a"));
        queue.NumRequeues(Key("a")).Should().Be(3);

        // The first retry waits 5 ms; the later (10 and 20 ms) ones are later than the pending 5 ms add and are absorbed.
        time.Advance(TimeSpan.FromMilliseconds(4));
        queue.Length.Should().Be(0);
        time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Length.Should().Be(1);

        queue.Forget(Key("a"));
        queue.NumRequeues(Key("a")).Should().Be(0);
    }

    [Test]
    public void Shutdown_drops_waiting_keys_and_ignores_later_delayed_adds()
    {
        var time = new FakeTimeProvider();
        using var queue = RateLimitingQueue(time);
        queue.AddAfter(Key("a"), TimeSpan.FromSeconds(1));

        queue.ShutDown();
        queue.AddAfter(Key("b"), TimeSpan.FromSeconds(1));
        queue.AddRateLimited(Key("c"));
        time.Advance(TimeSpan.FromSeconds(10));

        queue.Length.Should().Be(0);
        queue.WaitingCount.Should().Be(0);
    }

    [Test]
    public void Retries_are_counted_in_the_retries_metric()
    {
        var time = new FakeTimeProvider();
        using var queue = new RateLimitingQueue(RateLimiters.Default(time), time, QueueFixtures.Metrics(out var registry, "svc"));
        queue.AddRateLimited(Key("a"));
        queue.AddRateLimited(Key("b"));

        registry.Export().Should().Contain("workqueue_retries_total{name=\"svc\"} 2\n");
    }
}
