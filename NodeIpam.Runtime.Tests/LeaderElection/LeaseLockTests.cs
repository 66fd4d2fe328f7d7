using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.LeaderElection;
using NodeIpam.Runtime.Tests.Informers;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.LeaderElection;

/// <summary>
/// Leader election on a real Lease in the simulator, with short but validated timings (1 s / 0.6 s / 0.2 s) and
/// the real clock; only outcomes are asserted, never durations.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class LeaseLockTests : IDisposable
{
    private readonly List<Elector> _electors = [];
    private KubeApiSimulator _simulator = null!;
    private Kubernetes _client = null!;

    [SetUp]
    public async Task StartSimulator()
    {
        _simulator = await KubeApiSimulator.StartAsync();
        _client = new Kubernetes(_simulator.ClientConfiguration());
    }

    [TearDown]
    public async Task StopAll()
    {
        _simulator.Faults.ClearFailures();
        _simulator.Faults.Resume();
        foreach (var elector in _electors)
        {
            await elector.DisposeAsync();
        }

        await _simulator.DisposeAsync();
    }

    public void Dispose() => _client?.Dispose();

    [Test]
    public async Task Of_two_electors_on_one_lease_exactly_one_leads()
    {
        var a = Start("a");
        var b = Start("b");
        await Eventually.HoldsAsync(() => a.Leadership.IsLeader || b.Leadership.IsLeader, "someone leads");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        (a.Leadership.IsLeader ^ b.Leadership.IsLeader).Should().BeTrue();
        var lease = _simulator.Store.Get<V1Lease>("op", "kube-system")!;
        lease.Spec.HolderIdentity.Should().Be(a.Leadership.IsLeader ? "a" : "b");
        lease.Spec.LeaseDurationSeconds.Should().Be(1);
    }

    [Test]
    public async Task Lease_times_go_out_with_six_fractional_digits()
    {
        var a = Start("a");
        await Eventually.HoldsAsync(() => a.Leadership.IsLeader, "a leads");

        var raw = await _client.HttpClient.GetStringAsync(new Uri(_simulator.BaseAddress, "apis/coordination.k8s.io/v1/namespaces/kube-system/leases/op"));

        raw.Should().MatchRegex("\"renewTime\":\"[0-9T:-]+\\.\\d{6}Z\"");
    }

    [Test]
    public async Task A_lease_stolen_by_a_direct_write_ends_leadership()
    {
        var a = Start("a");
        await Eventually.HoldsAsync(() => a.Leadership.IsLeader, "a leads");

        var lease = _simulator.Store.Get<V1Lease>("op", "kube-system")!;
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        _simulator.Store.Upsert(lease);
        await Eventually.HoldsAsync(() => a.Leadership.LeadershipLost.IsCancellationRequested && a.LossCount == 1, "a noticed the theft");

        a.Leadership.IsLeader.Should().BeFalse();
        a.Losses.Should().ContainSingle("leadership ends once, whether the theft or the missed deadline is seen first");
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        _simulator.Store.Get<V1Lease>("op", "kube-system")!.Spec.HolderIdentity.Should().Be("intruder", "the old leader never writes the lease back");
    }

    [Test]
    public async Task Failing_renewals_end_leadership()
    {
        var a = Start("a");
        await Eventually.HoldsAsync(() => a.Leadership.IsLeader, "a leads");

        _simulator.Faults.FailNext(1000, "update", "leases", 500);
        await Eventually.HoldsAsync(() => a.Leadership.LeadershipLost.IsCancellationRequested && a.LossCount == 1, "a gave up");

        a.Losses.Should().ContainSingle().Which.Should().Contain("renew deadline");
    }

    [Test]
    public async Task An_unreachable_server_ends_leadership_even_while_requests_hang()
    {
        var a = Start("a");
        await Eventually.HoldsAsync(() => a.Leadership.IsLeader, "a leads");

        _simulator.Faults.Pause();
        await Eventually.HoldsAsync(() => a.Leadership.LeadershipLost.IsCancellationRequested, "a gave up");

        a.Leadership.IsLeader.Should().BeFalse();
    }

    [Test]
    public async Task A_graceful_stop_releases_the_lease_and_the_standby_takes_over()
    {
        var a = Start("a");
        await Eventually.HoldsAsync(() => a.Leadership.IsLeader, "a leads");
        var b = Start("b");
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        b.Leadership.IsLeader.Should().BeFalse();

        await a.StopAsync();
        var released = _simulator.Store.Get<V1Lease>("op", "kube-system")!;
        await Eventually.HoldsAsync(() => b.Leadership.IsLeader, "b took over");

        released.Spec.HolderIdentity.Should().BeNullOrEmpty();
        released.Spec.LeaseDurationSeconds.Should().Be(1);
        a.Losses.Should().BeEmpty();
        _simulator.Store.Get<V1Lease>("op", "kube-system")!.Spec.LeaseTransitions.Should().Be(1);
    }

    private Elector Start(string identity)
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = "op",
            LeaseNamespace = "kube-system",
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(1),
            RenewDeadline = TimeSpan.FromSeconds(0.6),
            RetryPeriod = TimeSpan.FromSeconds(0.2),
        }.Validate();
        var leadership = new Leadership();
        var elector = new LeaderElector(
            new LeaseLock(new KubeApiConnection(_client), options.LeaseNamespace, options.LeaseName),
            options,
            leadership,
            TimeProvider.System,
            NullLogger<LeaderElector>.Instance,
            Random.Shared.NextDouble);
        var started = new Elector(leadership, elector);
        _electors.Add(started);
        return started;
    }

    private sealed class Elector : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Elector(Leadership leadership, LeaderElector elector)
        {
            Leadership = leadership;
            elector.LostUnexpectedly += reason =>
            {
                lock (Losses)
                {
                    Losses.Add(reason);
                }
            };
            _run = Task.Run(() => elector.RunAsync(_stop.Token));
        }

        public Leadership Leadership { get; }

        public List<string> Losses { get; } = [];

        public int LossCount
        {
            get
            {
                lock (Losses)
                {
                    return Losses.Count;
                }
            }
        }

        public async Task StopAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
            }

            await _run.WaitAsync(TimeSpan.FromSeconds(20));
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
            Leadership.Dispose();
        }
    }
}
