using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Informers;
using NodeIpam.Simulator;

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
    public void Progress_resets_the_delay_at_once()
    {
        var backoff = new ReconnectBackoff(new InformerOptions(), new FakeTimeProvider(), () => 0);
        for (var i = 0; i < 10; i++)
        {
            backoff.NextDelay();
        }

        backoff.Reset();

        backoff.NextDelay().Should().Be(TimeSpan.FromMilliseconds(800));
    }

    [Test]
    public async Task After_an_outage_a_failure_that_follows_a_successful_list_waits_the_initial_delay()
    {
        // The informer runs on a fake clock: its backoff delays pass only when the test advances time.
        await using var simulator = await KubeApiSimulator.StartAsync();
        simulator.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "a" } });
        using var client = new Kubernetes(simulator.ClientConfiguration());
        var time = new FakeTimeProvider();
        var delays = new DelayRecorder();
        var informer = new Informer<V1Node, V1Node>(new KubeApiConnection(client), new InformerOptions { BackoffJitter = 0 }.Validate(), new InformerSetup<V1Node>(), time, delays);
        simulator.Faults.FailNext(6, "list", "nodes", 503);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => informer.RunAsync(stop.Token));
        for (var failures = 1; failures <= 6; failures++)
        {
            await Eventually.HoldsAsync(() => delays.Count == failures, $"list failure {failures} was logged");
            time.Advance(delays.Last);
        }

        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        simulator.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "warm-up" } });
        await Eventually.HoldsAsync(() => informer.Store.Get(ObjectKey.Cluster("warm-up")) is not null, "the watch is open");

        // A single failure after the recovery: the watch ends and re-opening it fails once.
        simulator.Faults.FailNext(1, "watch", "nodes", 503);
        simulator.Faults.CloseAllWatches();
        await Eventually.HoldsAsync(() => delays.Count == 7, "the failed watch was logged");

        delays.All.Take(6).Select(d => d.TotalSeconds).Should().Equal(0.8, 1.6, 3.2, 6.4, 12.8, 25.6);
        delays.Last.Should().Be(TimeSpan.FromMilliseconds(800), "the list and a watch event succeeded since the last failure");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
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

    /// <summary>Collects the delays of the informer's "list/watch failed; retrying in ..." log lines.</summary>
    private sealed class DelayRecorder : ILogger
    {
        private readonly ConcurrentQueue<TimeSpan> _delays = new();

        public int Count => _delays.Count;

        public IReadOnlyList<TimeSpan> All => [.. _delays];

        public TimeSpan Last => _delays.Last();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> fields && fields.FirstOrDefault(f => f.Key == "Delay").Value is TimeSpan delay)
            {
                _delays.Enqueue(delay);
            }
        }
    }
}
