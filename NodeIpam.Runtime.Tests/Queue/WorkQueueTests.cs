using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Queue;
using NodeIpam.Runtime.Tests.Metrics;
using static NodeIpam.Runtime.Tests.Queue.QueueFixtures;

namespace NodeIpam.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_key_added_many_times_while_pending_is_handed_out_once()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        queue.Add(Key("a"));
        queue.Add(Key("b"));
        queue.Add(Key("a"));
        queue.Add(Key("a"));

        queue.Length.Should().Be(2);
        (await queue.GetAsync(CancellationToken.None)).Should().Be(Key("a"));
        (await queue.GetAsync(CancellationToken.None)).Should().Be(Key("b"));
        queue.Length.Should().Be(0);
    }

    [Test]
    public async Task A_key_added_while_in_flight_is_not_handed_out_until_done_then_again()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        queue.Add(Key("a"));
        var first = await queue.GetAsync(CancellationToken.None);

        queue.Add(Key("a"));
        queue.Length.Should().Be(0, "the key is in flight, so the add only marks it dirty");
        var second = queue.GetAsync(CancellationToken.None);
        second.IsCompleted.Should().BeFalse();

        queue.Done(first!.Value);
        (await second.AsTask().WaitAsync(Safety)).Should().Be(Key("a"));
    }

    [Test]
    public async Task Done_without_a_new_add_does_not_requeue()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        queue.Add(Key("a"));
        var key = await queue.GetAsync(CancellationToken.None);
        queue.Done(key!.Value);

        queue.Length.Should().Be(0);
    }

    [Test]
    public async Task A_waiting_get_is_woken_by_an_add()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        var pending = queue.GetAsync(CancellationToken.None);
        pending.IsCompleted.Should().BeFalse();

        queue.Add(Key("a"));

        (await pending.AsTask().WaitAsync(Safety)).Should().Be(Key("a"));
    }

    [Test]
    public async Task A_cancelled_get_does_not_swallow_a_later_key()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();

        queue.Add(Key("a"));

        (await queue.GetAsync(CancellationToken.None)).Should().Be(Key("a"));
    }

    [Test]
    public async Task Shutdown_wakes_waiting_gets_with_null_and_ignores_later_adds()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        var pending = queue.GetAsync(CancellationToken.None);

        queue.ShutDown();
        queue.Add(Key("a"));

        (await pending.AsTask().WaitAsync(Safety)).Should().BeNull();
        (await queue.GetAsync(CancellationToken.None)).Should().BeNull();
        queue.Length.Should().Be(0);
    }

    [Test]
    public async Task Shutdown_with_drain_waits_for_in_flight_keys()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        queue.Add(Key("a"));
        var key = await queue.GetAsync(CancellationToken.None);

        var drain = queue.ShutDownWithDrainAsync(CancellationToken.None);
        drain.IsCompleted.Should().BeFalse("a key is still being processed");

        queue.Done(key!.Value);
        (await drain.WaitAsync(Safety)).Should().BeTrue();
    }

    [Test]
    public async Task Shutdown_with_drain_gives_up_when_its_bound_fires()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        queue.Add(Key("a"));
        _ = await queue.GetAsync(CancellationToken.None);
        using var bound = new CancellationTokenSource();

        var drain = queue.ShutDownWithDrainAsync(bound.Token);
        await bound.CancelAsync();

        (await drain.WaitAsync(Safety)).Should().BeFalse();
    }

    [Test]
    public async Task Shutdown_with_drain_and_nothing_in_flight_completes_at_once()
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        (await queue.ShutDownWithDrainAsync(CancellationToken.None).WaitAsync(Safety)).Should().BeTrue();
    }

    [Test]
    public async Task Concurrent_workers_never_process_one_key_twice_at_once_and_see_every_last_add()
    {
        using var queue = WorkQueue(TimeProvider.System);
        const int keys = 20;
        const int addsPerKey = 200;
        var inFlight = new ConcurrentDictionary<ObjectKey, int>();
        var overlaps = 0;

        // Each add bumps a per-key version before adding; a processing records the version it saw at its start.
        var versions = new int[keys];
        var processedVersions = new int[keys];

        async Task WorkerAsync()
        {
            while (await queue.GetAsync(CancellationToken.None) is { } key)
            {
                var index = int.Parse(key.Name, System.Globalization.CultureInfo.InvariantCulture);
                if (!inFlight.TryAdd(key, 0))
                {
                    Interlocked.Increment(ref overlaps);
                }

                var seen = Volatile.Read(ref versions[index]);
                await Task.Yield();
                InterlockedMax(ref processedVersions[index], seen);
                inFlight.TryRemove(key, out _);
                queue.Done(key);
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(WorkerAsync)).ToArray();
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < addsPerKey * keys / 4; i++)
            {
                var index = (i + p) % keys;
                Interlocked.Increment(ref versions[index]);
                queue.Add(new ObjectKey("ns", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        })).ToArray();
        await Task.WhenAll(producers).WaitAsync(Safety);

        // Every key is processed after its last add: wait until each processing has caught up with its final version.
        async Task CaughtUpAsync()
        {
            while (Enumerable.Range(0, keys).Any(i => Volatile.Read(ref processedVersions[i]) < versions[i]))
            {
                await Task.Delay(1);
            }
        }

        await CaughtUpAsync().WaitAsync(Safety);

        (await queue.ShutDownWithDrainAsync(CancellationToken.None).WaitAsync(Safety)).Should().BeTrue();
        await Task.WhenAll(workers).WaitAsync(Safety);
        overlaps.Should().Be(0);
        processedVersions.Should().Equal(versions);
    }

    [Test]
    public async Task Records_adds_depth_and_durations_under_the_queue_name()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue(time, QueueFixtures.Metrics(out var registry, "svc"));
        queue.Add(Key("a"));
        queue.Add(Key("a"));
        queue.Add(Key("b"));
        registry.Export().Should().Contain("workqueue_depth{name=\"svc\"} 2\n")
            .And.Contain("workqueue_adds_total{name=\"svc\"} 2\n");

        time.Advance(TimeSpan.FromSeconds(2));
        var key = await queue.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        var text = registry.Export();
        text.Should().Contain("workqueue_depth{name=\"svc\"} 1\n")
            .And.Contain("workqueue_unfinished_work_seconds{name=\"svc\"} 3\n")
            .And.Contain("workqueue_longest_running_processor_seconds{name=\"svc\"} 3\n")
            .And.Contain("workqueue_queue_duration_seconds_sum{name=\"svc\"} 2\n");

        queue.Done(key!.Value);
        registry.Export().Should().Contain("workqueue_work_duration_seconds_sum{name=\"svc\"} 3\n")
            .And.Contain("workqueue_unfinished_work_seconds{name=\"svc\"} 0\n");
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var observed = Interlocked.CompareExchange(ref location, value, current);
            if (observed == current)
            {
                return;
            }

            current = observed;
        }
    }
}
