using k8s.Models;
using NodeIpam.Runtime.Controllers;
using NodeIpam.Runtime.Tests.Metrics;
using static NodeIpam.Runtime.Tests.Hosting.HostHarness;

namespace NodeIpam.Runtime.Tests.Hosting;

/// <summary>The controller host's event side: filters on its own kind, secondary watches, metrics.</summary>
public sealed class ControllerHostEventTests
{
    [Test]
    public async Task The_event_filter_decides_which_changes_of_the_kind_are_enqueued()
    {
        await using var harness = new HostHarness(configure: c => c.WithEventFilter(
            change => !change.IsUpdate || change.Old!.Metadata.ResourceVersion != change.New!.Metadata.ResourceVersion));
        await harness.StartRunningAsync();

        harness.Services.Upsert(Service("a", "1"));
        await harness.ReconcilesCompleted();
        harness.Services.Upsert(Service("a", "1"));
        harness.Host.Queue.Length.Should().Be(0, "the filter dropped an update that changed nothing");
        harness.Services.Upsert(Service("a", "2"));
        await harness.ReconcilesCompleted();

        harness.Script.Calls.Select(c => c.Version).Should().Equal("1", "2");
    }

    [Test]
    public async Task A_throwing_filter_still_enqueues()
    {
        await using var harness = new HostHarness(configure: c => c.WithEventFilter(_ => throw new InvalidOperationException("bad filter")));
        await harness.StartRunningAsync();

        harness.Services.Upsert(Service("a"));

        await harness.ReconcilesCompleted();
    }

    [Test]
    public async Task A_secondary_watch_maps_changes_of_another_kind_to_keys_and_may_map_to_none()
    {
        var changes = new List<ObjectChange<V1Node>>();
        await using var harness = new HostHarness(configure: c => c.Watches<V1Node>(change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }

            return change.Latest.Metadata.Name == "ignored" ? [] : [Key("a"), Key("b")];
        }));
        harness.Informers.For<V1Node>().MarkSynced();
        harness.Services.Upsert(Service("a"));
        harness.Services.Upsert(Service("b"));
        await harness.StartRunningAsync();
        await harness.ReconcilesCompleted(2);

        var nodes = harness.Informers.For<V1Node>();
        nodes.Upsert(new V1Node { Metadata = new V1ObjectMeta { Name = "ignored" } });
        harness.Host.Queue.Length.Should().Be(0);
        nodes.Upsert(new V1Node { Metadata = new V1ObjectMeta { Name = "n1", ResourceVersion = "1" } });
        await harness.ReconcilesCompleted(2);
        nodes.Delete(ObjectKey.Cluster("n1"));
        await harness.ReconcilesCompleted(2);

        harness.Script.CallsFor("a").Should().Be(3);
        harness.Script.CallsFor("b").Should().Be(3);
        lock (changes)
        {
            changes.Select(c => (c.IsAdd, c.IsDelete)).Should().Equal((true, false), (true, false), (false, true));
        }
    }

    [Test]
    public async Task A_secondary_watch_mapper_gets_the_service_provider_and_a_throwing_mapper_changes_nothing()
    {
        IServiceProvider? seen = null;
        await using var harness = new HostHarness(configure: c => c.Watches<V1Node>((services, change) =>
        {
            seen = services;
            return change.Latest.Metadata.Name == "bad" ? throw new InvalidOperationException("bad mapper") : [Key("a")];
        }));
        harness.Informers.For<V1Node>().MarkSynced();
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        await harness.ReconcilesCompleted();

        var nodes = harness.Informers.For<V1Node>();
        nodes.Upsert(new V1Node { Metadata = new V1ObjectMeta { Name = "bad" } });
        nodes.Upsert(new V1Node { Metadata = new V1ObjectMeta { Name = "good" } });
        await harness.ReconcilesCompleted();

        seen.Should().NotBeNull();
        harness.Script.CallsFor("a").Should().Be(2);
    }

    [Test]
    public async Task Workers_and_limits_are_visible_in_metrics()
    {
        await using var harness = new HostHarness(workers: 3);
        harness.Services.Upsert(Service("a"));
        await harness.StartRunningAsync();
        await harness.ReconcilesCompleted();
        await Until(() => harness.Registry.Export().Contains("controller_runtime_reconcile_total{controller=\"service\",result=\"success\"} 1\n", StringComparison.Ordinal));

        var text = harness.Registry.Export();
        text.Should().Contain("controller_runtime_max_concurrent_reconciles{controller=\"service\"} 3\n")
            .And.Contain("controller_runtime_reconcile_time_seconds_count{controller=\"service\"} 1\n")
            .And.Contain("workqueue_adds_total{name=\"service\"} 1\n");
    }
}
