using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Runtime.Tests.LeaderElection;

/// <summary>The election logic on a fake clock and an in-memory lease (15 s / 10 s / 2 s, controller-runtime's defaults).</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class LeaderElectorTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
    private readonly FakeLeaseLock _lease = new();
    private readonly List<Candidate> _candidates = [];

    [TearDown]
    public async Task StopAll()
    {
        foreach (var candidate in _candidates)
        {
            await candidate.StopAsync(_time);
            candidate.Dispose();
        }
    }

    [Test]
    public async Task A_lone_candidate_creates_the_lease_and_leads()
    {
        var a = Start("a");

        var elapsed = await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(10));

        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        await a.Leadership.WaitForLeadershipAsync(CancellationToken.None);
        _lease.Current!.HolderIdentity.Should().Be("a");
        _lease.Current.LeaseDurationSeconds.Should().Be(15);
    }

    [Test]
    public async Task Of_two_candidates_exactly_one_leads_and_keeps_renewing()
    {
        var a = Start("a");
        var b = Start("b");
        await AdvanceUntilAsync(() => a.Leadership.IsLeader || b.Leadership.IsLeader, TimeSpan.FromSeconds(10));

        await AdvanceUntilAsync(() => false, TimeSpan.FromSeconds(20));

        (a.Leadership.IsLeader ^ b.Leadership.IsLeader).Should().BeTrue();
        var leader = a.Leadership.IsLeader ? "a" : "b";
        _lease.Current!.HolderIdentity.Should().Be(leader);
        _lease.Current.RenewTime.Should().BeAfter(_time.GetUtcNow() - TimeSpan.FromSeconds(3));
    }

    [Test]
    public async Task A_stolen_lease_ends_leadership_within_the_renew_deadline()
    {
        var a = Start("a");
        await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(10));
        var lost = a.Leadership.LeadershipLost;

        _lease.Overwrite(_lease.Current! with { HolderIdentity = "intruder", RenewTime = _time.GetUtcNow() });
        var elapsed = await AdvanceUntilAsync(() => lost.IsCancellationRequested, TimeSpan.FromSeconds(30));

        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
        a.Leadership.IsLeader.Should().BeFalse();
        a.LossReasons.Should().ContainSingle().Which.Should().Contain("intruder");
        _lease.Current!.HolderIdentity.Should().Be("intruder");
    }

    [Test]
    public async Task Failing_renewals_end_leadership_at_the_renew_deadline_not_before()
    {
        var a = Start("a");
        await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(10));
        var lastRenewal = _lease.Current!.RenewTime!.Value;

        _lease.Failing = true;
        await AdvanceUntilAsync(() => _time.GetUtcNow() >= lastRenewal + TimeSpan.FromSeconds(9.5), TimeSpan.FromSeconds(30));
        a.Leadership.IsLeader.Should().BeTrue("a renewal may fail for up to the renew deadline");
        await AdvanceUntilAsync(() => a.Leadership.LeadershipLost.IsCancellationRequested, TimeSpan.FromSeconds(30));

        (_time.GetUtcNow() - lastRenewal).Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(10) + Step);
        a.LossReasons.Should().ContainSingle();
    }

    [Test]
    public async Task A_hanging_renewal_ends_leadership_the_instant_the_deadline_passes()
    {
        var a = Start("a");
        await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(10));
        var lastRenewal = _lease.Current!.RenewTime!.Value;

        _lease.Hanging = true;
        await AdvanceUntilAsync(() => a.Leadership.LeadershipLost.IsCancellationRequested, TimeSpan.FromSeconds(30));

        (_time.GetUtcNow() - lastRenewal).Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(10) + Step);
    }

    [Test]
    public async Task A_clean_stop_releases_the_lease_and_the_standby_takes_over_within_a_jittered_retry_period()
    {
        var a = Start("a");
        await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(10));
        var b = Start("b");
        await AdvanceUntilAsync(() => false, TimeSpan.FromSeconds(5));
        b.Leadership.IsLeader.Should().BeFalse();

        await a.StopAsync(_time);
        _lease.Current!.HolderIdentity.Should().BeEmpty();
        _lease.Current.LeaseDurationSeconds.Should().Be(1);
        var elapsed = await AdvanceUntilAsync(() => b.Leadership.IsLeader, TimeSpan.FromSeconds(30));

        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(2 * 2.2) + Step);
        a.LossReasons.Should().BeEmpty("a clean stop is not a loss");
        a.Leadership.LeadershipLost.IsCancellationRequested.Should().BeTrue("writes stop before the lease is released");
    }

    [Test]
    public async Task An_abandoned_lease_is_taken_over_once_it_has_not_changed_for_its_duration()
    {
        _lease.Overwrite(new LeaseRecord("crashed", 15, _time.GetUtcNow(), _time.GetUtcNow(), 3, null));
        var a = Start("a");

        var elapsed = await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(60));

        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(15 + 4.4) + Step);
        _lease.Current!.LeaseTransitions.Should().Be(4);
    }

    [Test]
    public async Task A_campaign_whose_requests_hang_recovers_when_the_server_answers_again()
    {
        _lease.Hanging = true;
        var a = Start("a");
        await AdvanceUntilAsync(() => false, TimeSpan.FromSeconds(15));
        a.Leadership.IsLeader.Should().BeFalse();

        _lease.Hanging = false;
        await AdvanceUntilAsync(() => a.Leadership.IsLeader, TimeSpan.FromSeconds(30));

        a.Leadership.IsLeader.Should().BeTrue("each attempt is bounded, so the hung one was abandoned");
    }

    [Test]
    public void Options_are_validated_like_client_go()
    {
        var valid = new LeaderElectionOptions { LeaseName = "l", LeaseNamespace = "ns", Identity = "me" };
        valid.Validate().Should().BeSameAs(valid);
        (valid with { LeaseDuration = TimeSpan.FromSeconds(1), RenewDeadline = TimeSpan.FromSeconds(0.6), RetryPeriod = TimeSpan.FromSeconds(0.2) })
            .Validate().Should().NotBeNull();

        FluentActions.Invoking(() => (valid with { LeaseDuration = TimeSpan.FromSeconds(10) }).Validate())
            .Should().Throw<ArgumentException>().WithMessage("*lease duration*");
        FluentActions.Invoking(() => (valid with { RetryPeriod = TimeSpan.FromSeconds(9) }).Validate())
            .Should().Throw<ArgumentException>().WithMessage("*retry period*");
        FluentActions.Invoking(() => (valid with { RetryPeriod = TimeSpan.Zero }).Validate()).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => (valid with { Identity = " " }).Validate()).Should().Throw<ArgumentException>();
    }

    private Candidate Start(string identity)
    {
        var options = new LeaderElectionOptions { LeaseName = "lease", LeaseNamespace = "test", Identity = identity }.Validate();
        var leadership = new Leadership();
        var elector = new LeaderElector(_lease, options, leadership, _time, NullLogger<LeaderElector>.Instance, () => 0.5);
        var candidate = new Candidate(leadership, elector);
        _candidates.Add(candidate);
        return candidate;
    }

    /// <summary>Advances the fake clock in small steps, letting the loops run, until the condition holds or the limit passes.</summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var start = _time.GetUtcNow();
        while (!condition() && _time.GetUtcNow() - start < limit)
        {
            await Settle();
            if (condition())
            {
                break;
            }

            _time.Advance(Step);
            await Settle();
        }

        return _time.GetUtcNow() - start;
    }

    private static async Task Settle()
    {
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(1);
        }
    }

    private sealed class Candidate : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Candidate(Leadership leadership, LeaderElector elector)
        {
            Leadership = leadership;
            elector.LostUnexpectedly += reason =>
            {
                lock (LossReasons)
                {
                    LossReasons.Add(reason);
                }
            };
            _run = Task.Run(() => elector.RunAsync(_stop.Token));
        }

        public Leadership Leadership { get; }

        public List<string> LossReasons { get; } = [];

        public async Task StopAsync(FakeTimeProvider time)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            await _stop.CancelAsync();
            for (var i = 0; i < 1000 && !_run.IsCompleted; i++)
            {
                await Task.Delay(1);
                if (i % 10 == 9)
                {
                    time.Advance(Step);
                }
            }

            await _run.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public void Dispose() => _stop.Dispose();
    }
}
