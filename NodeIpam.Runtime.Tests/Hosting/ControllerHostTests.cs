using k8s.Models;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.Tests.Metrics;
using static NodeIpam.Runtime.Tests.Hosting.HostHarness;

namespace NodeIpam.Runtime.Tests.Hosting;

public sealed class ControllerHostTests
{
    [Test]
    public async Task Nothing_is_reconciled_before_the_caches_sync_nor_before_leadership()
    {
        await using var harness = new HostHarness();
        await harness.Host.StartAsync(CancellationToken.None);
        await Until(() => harness.Host.State == ControllerHostState.WaitingForSync);
        harness.Services.Upsert(Service("a"));

        harness.Host.Queue.Length.Should().Be(1, "the event was queued");
        harness.Host.CachesSynced.Should().BeFalse();

        harness.Services.MarkSynced();
        await Until(() => harness.Host.State == ControllerHostState.WaitingForLeadership);
        harness.Host.CachesSynced.Should().BeTrue();
        harness.Host.Queue.Length.Should().Be(1, "no worker runs before leadership");
        harness.Script.Calls.Should().BeEmpty();

        harness.Leadership.Grant();
        await harness.ReconcilesCompleted();
        harness.Script.Calls.Should().ContainSingle().Which.Name.Should().Be("a");
    }

    [Test]
    public async Task Every_secondary_informer_must_sync_too()
    {
        await using var harness = new HostHarness(configure: c => c.Watches<V1Node>(_ => []));
        harness.Services.MarkSynced();
        harness.Leadership.Grant();
        await harness.Host.StartAsync(CancellationToken.None);

        await Until(() => harness.Informers.For<V1Node>().HandlerCount == 1);
        harness.Host.State.Should().Be(ControllerHostState.WaitingForSync);

        harness.Informers.For<V1Node>().MarkSynced();
        await Until(() => harness.Host.State == ControllerHostState.Running);
    }

    [Test]
    public async Task A_key_changed_while_in_flight_is_reconciled_again_afterwards_and_never_concurrently()
    {
        await using var harness = new HostHarness(workers: 4);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Script.Behaviour = async (service, _) =>
        {
            if (service.Metadata.ResourceVersion == "1")
            {
                entered.TrySetResult();
                await gate.Task;
            }

            return ReconciliationResult.Success();
        };
        harness.Services.Upsert(Service("a", "1"));
        await harness.StartRunningAsync();
        await entered.Task.WaitAsync(Safety);

        harness.Services.Upsert(Service("a", "2"));
        harness.Services.Upsert(Service("a", "3"));
        gate.SetResult();

        await harness.ReconcilesCompleted(2);
        harness.Script.Calls.Select(c => c.Version).Should().Equal("1", "3");
        harness.Script.Overlaps.Should().Be(0);
    }

    [Test]
    public async Task A_throwing_reconcile_is_retried_with_backoff_and_does_not_stop_other_keys()
    {
        await using var harness = new HostHarness();
        harness.Script.Behaviour = (service, _) => service.Metadata.Name == "bad"
            ? throw new InvalidOperationException("boom")
            : Task.FromResult(ReconciliationResult.Success());
        harness.Services.Upsert(Service("bad"));
        harness.Services.Upsert(Service("good"));
        await harness.StartRunningAsync();

        await harness.ReconcilesCompleted(2);
        await Until(() => harness.Host.Queue.WaitingCount == 1);
        harness.Script.CallsFor("good").Should().Be(1);
        harness.Host.Queue.NumRequeues(Key("bad")).Should().Be(1);

        harness.Time.Advance(TimeSpan.FromMilliseconds(4));
        harness.Script.CallsFor("bad").Should().Be(1, "the first retry waits 5 ms");
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await harness.ReconcilesCompleted();
        harness.Script.CallsFor("bad").Should().Be(2);

        await Until(() => harness.Host.Queue.WaitingCount == 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(9));
        harness.Script.CallsFor("bad").Should().Be(2, "the second retry waits 10 ms");
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await harness.ReconcilesCompleted();
        harness.Script.CallsFor("bad").Should().Be(3);

        // The counters are updated just after the reconcile returns.
        await Until(() => harness.Registry.Export().Contains("controller_runtime_reconcile_errors_total{controller=\"service\"} 3\n", StringComparison.Ordinal));
        harness.Registry.Export().Should().Contain("controller_runtime_reconcile_total{controller=\"service\",result=\"success\"} 1\n");
    }

    [Test]
    public async Task A_failure_result_is_retried_like_an_exception_and_a_later_success_forgets_the_backoff()
    {
        await using var harness = new HostHarness();
        var fail = true;
        harness.Script.Behaviour = (_, _) => Task.FromResult(
            Volatile.Read(ref fail) ? ReconciliationResult.Failure("not yet") : ReconciliationResult.Success());
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        await harness.ReconcilesCompleted();
        await Until(() => harness.Host.Queue.WaitingCount == 1);
        harness.Host.Queue.NumRequeues(Key("a")).Should().Be(1);

        Volatile.Write(ref fail, false);
        harness.Time.Advance(TimeSpan.FromMilliseconds(5));
        await harness.ReconcilesCompleted();

        await Until(() => harness.Host.Queue.NumRequeues(Key("a")) == 0);
        harness.Host.Queue.WaitingCount.Should().Be(0);
    }

    [Test]
    public async Task RequeueAfter_reconciles_again_after_the_delay()
    {
        await using var harness = new HostHarness();
        harness.Script.Behaviour = (_, _) => Task.FromResult(ReconciliationResult.Success(TimeSpan.FromSeconds(30)));
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        await harness.ReconcilesCompleted();
        await Until(() => harness.Host.Queue.WaitingCount == 1);

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        harness.Script.CallsFor("a").Should().Be(1);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.ReconcilesCompleted();

        harness.Script.CallsFor("a").Should().Be(2);
        await Until(() => harness.Registry.Export().Contains(
            "controller_runtime_reconcile_total{controller=\"service\",result=\"requeue_after\"} 2\n", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_key_no_longer_cached_is_not_reconciled()
    {
        await using var harness = new HostHarness();
        harness.Services.Upsert(Service("gone"));
        harness.Services.Delete(Key("gone"));
        harness.Services.Upsert(Service("here"));
        await harness.StartRunningAsync();

        await harness.ReconcilesCompleted();
        await Until(() => harness.Host.Queue.Length == 0);
        harness.Script.Calls.Select(c => c.Name).Should().Equal("here");
    }

    [Test]
    public async Task Losing_leadership_cancels_the_in_flight_reconcile_and_stops_further_ones()
    {
        await using var harness = new HostHarness();
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Script.Behaviour = async (_, token) =>
        {
            entered.TrySetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return ReconciliationResult.Success();
        };
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        var token = await entered.Task.WaitAsync(Safety);

        harness.Leadership.Lose();

        token.IsCancellationRequested.Should().BeTrue();
        await harness.Host.ExecuteTask!.WaitAsync(Safety);
        harness.Host.State.Should().Be(ControllerHostState.Stopped);
        harness.Services.Upsert(Service("b"));
        harness.Host.Queue.Length.Should().Be(0, "a stopped controller queues nothing");
        harness.Script.Calls.Select(c => c.Name).Should().Equal("a");
        harness.Registry.Export().Should().NotContain("result=\"error\"} 1", "an interrupted reconcile is not an error");
    }

    [Test]
    public async Task Shutdown_cancels_the_in_flight_reconcile_and_waits_for_it_to_return()
    {
        await using var harness = new HostHarness();
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Script.Behaviour = async (_, token) =>
        {
            entered.TrySetResult(token);
            await release.Task;
            return ReconciliationResult.Success();
        };
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        var token = await entered.Task.WaitAsync(Safety);

        var stopping = harness.Host.StopAsync(CancellationToken.None);

        token.IsCancellationRequested.Should().BeTrue();
        stopping.IsCompleted.Should().BeFalse("the reconcile is still running");
        release.SetResult();
        await stopping.WaitAsync(Safety);
        harness.Script.Completed.CurrentCount.Should().Be(1, "the reconcile returned before the stop completed");
    }

    [Test]
    public async Task Shutdown_gives_up_on_a_stuck_reconcile_after_the_graceful_timeout()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = new HostHarness(shutdownTimeout: TimeSpan.FromSeconds(5));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Script.Behaviour = async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return ReconciliationResult.Success();
        };
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        await entered.Task.WaitAsync(Safety);

        var stopping = harness.Host.StopAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        stopping.IsCompleted.Should().BeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        await stopping.WaitAsync(Safety);
        release.SetResult();
    }
}
