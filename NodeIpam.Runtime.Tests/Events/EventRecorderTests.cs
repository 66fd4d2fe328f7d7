using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Client;
using NodeIpam.Runtime.Events;
using NodeIpam.Runtime.Tests.Informers;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.Events;

/// <summary>The recorder against the simulator: what reaches the API server, and that failures stay inside.</summary>
public class EventRecorderTests
{
    private static readonly V1Service Service = new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Uid = "uid-web", ResourceVersion = "12" },
    };

    private static EventRecorder NewRecorder(Kubernetes client) =>
        new(new KubeApiConnection(client), new EventRecorderOptions { ReportingInstance = "pod-1" }, TimeProvider.System, NullLogger<EventRecorder>.Instance);

    [Test]
    public async Task A_recorded_event_is_created_with_a_microsecond_event_time_and_repeats_patch_its_series()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        using var recorder = NewRecorder(client);
        await recorder.StartAsync(CancellationToken.None);

        recorder.Record(Service, EventType.Normal, "AddressAssigned", "Assign", "assigned 10.0.0.1");
        recorder.Record(Service, EventType.Normal, "AddressAssigned", "Assign", "assigned 10.0.0.1");
        await Eventually.HoldsAsync(
            () => simulator.Store.List<Eventsv1Event>("default") is [{ Series.Count: 2 }], "the series was patched");
        await recorder.StopAsync(CancellationToken.None);

        var stored = simulator.Store.List<Eventsv1Event>("default").Should().ContainSingle().Subject;
        stored.Metadata.Name.Should().MatchRegex("^web\\.[0-9a-f]+$");
        stored.Regarding.Uid.Should().Be("uid-web");
        stored.Regarding.Kind.Should().Be("Service");
        stored.Reason.Should().Be("AddressAssigned");
        stored.ReportingController.Should().Be("nodeipam.io/operator");
        stored.ReportingInstance.Should().Be("pod-1");
        stored.Series.Count.Should().Be(2);
        stored.EventTime.Should().NotBeNull();
        simulator.Requests.Count("create", "events").Should().Be(1);
    }

    [Test]
    public async Task An_event_recorded_from_an_object_reference_regards_exactly_that_reference_in_its_namespace()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        using var recorder = NewRecorder(client);
        await recorder.StartAsync(CancellationToken.None);
        var reference = new V1ObjectReference
        {
            ApiVersion = "discovery.k8s.io/v1",
            Kind = "EndpointSlice",
            NamespaceProperty = "kube-system",
            Name = "web-abc12",
            Uid = "uid-slice",
            ResourceVersion = "34",
        };

        recorder.Record(reference, EventType.Warning, "NoReadyEndpoint", "Assign", "no endpoint is ready");
        recorder.Record(new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = "node-1", Uid = "uid-node" }, EventType.Normal, "Seen", "Assign", null);
        await Eventually.HoldsAsync(
            () => simulator.Store.List<Eventsv1Event>("kube-system").Count == 1 && simulator.Store.List<Eventsv1Event>("default").Count == 1,
            "both events were created");
        await recorder.StopAsync(CancellationToken.None);

        var stored = simulator.Store.List<Eventsv1Event>("kube-system").Should().ContainSingle().Subject;
        stored.Metadata.Name.Should().MatchRegex("^web-abc12\\.[0-9a-f]+$");
        stored.Regarding.Should().BeEquivalentTo(reference);
        stored.Reason.Should().Be("NoReadyEndpoint");
        stored.Type.Should().Be("Warning");
        var clusterScoped = simulator.Store.List<Eventsv1Event>("default").Should().ContainSingle("an event about a cluster-scoped object goes to default").Subject;
        clusterScoped.Regarding.Should().BeEquivalentTo(new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = "node-1", Uid = "uid-node" });
    }

    [Test]
    public async Task Later_repeats_are_counted_and_patched_by_the_periodic_flush_with_whole_second_times_in_microtime_form()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 11, 23, TimeSpan.Zero));
        using var recorder = new EventRecorder(
            new KubeApiConnection(client), new EventRecorderOptions { ReportingInstance = "pod-1" }, time, NullLogger<EventRecorder>.Instance);
        await recorder.StartAsync(CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            recorder.Record(Service, EventType.Warning, "NoAddress", "Assign", "no node matched");
        }

        await Eventually.HoldsAsync(() => simulator.Store.List<Eventsv1Event>("default") is [{ Series.Count: 2 }], "the first repeat was patched");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => simulator.Store.List<Eventsv1Event>("default") is [{ Series.Count: 5 }], "the flush patched the count");
        await recorder.StopAsync(CancellationToken.None);

        var raw = await client.HttpClient.GetStringAsync(new Uri(simulator.BaseAddress, "apis/events.k8s.io/v1/namespaces/default/events"));
        raw.Should().Contain("\"eventTime\":\"2026-11-26T06:11:23.000000Z\"");
        simulator.Requests.Count("create", "events").Should().Be(1);
        simulator.Requests.Count("patch", "events").Should().Be(2);
    }

    [Test]
    public async Task The_posted_json_carries_six_fractional_digits()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        using var recorder = NewRecorder(client);
        await recorder.StartAsync(CancellationToken.None);

        recorder.Record(Service, EventType.Warning, "NoAddress", "Assign", "no node matched");
        await Eventually.HoldsAsync(() => simulator.Store.List<Eventsv1Event>("default").Count == 1, "the event was created");
        await recorder.StopAsync(CancellationToken.None);

        // The stored JSON as the server returns it, not re-serialised by the client.
        var raw = await client.HttpClient.GetStringAsync(new Uri(simulator.BaseAddress, "apis/events.k8s.io/v1/namespaces/default/events"));
        raw.Should().MatchRegex("\"eventTime\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z\"");
    }

    [Test]
    public async Task Server_failures_and_bad_input_never_throw_and_later_events_still_go_out()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        using var recorder = NewRecorder(client);
        await recorder.StartAsync(CancellationToken.None);
        simulator.Faults.FailNext(1, "create", "events", 500);

        recorder.Invoking(r => r.Record(Service, EventType.Normal, "First", "Assign", "fails at the server")).Should().NotThrow();
        recorder.Invoking(r => r.Record(new V1Service(), EventType.Normal, "NoName", "Assign", null)).Should().NotThrow();
        recorder.Invoking(r => r.Record(Service, EventType.Normal, string.Empty, "Assign", null)).Should().NotThrow();
        recorder.Record(Service, EventType.Normal, "Second", "Assign", new string('x', 5000));
        await Eventually.HoldsAsync(() => simulator.Store.List<Eventsv1Event>("default").Count == 1, "the second event was created");
        await recorder.StopAsync(CancellationToken.None);

        var stored = simulator.Store.List<Eventsv1Event>("default").Single();
        stored.Reason.Should().Be("Second");
        stored.Note.Length.Should().BeLessThanOrEqualTo(1024);
        simulator.Requests.Count("create", "events").Should().Be(2);
    }

    [Test]
    public async Task Recording_does_not_block_when_the_server_hangs()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        using var recorder = NewRecorder(client);
        await recorder.StartAsync(CancellationToken.None);
        simulator.Faults.Pause();

        var recording = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                recorder.Record(Service, EventType.Normal, "Flood", "Assign", $"note {i % 50}");
            }
        });

        await recording.WaitAsync(TimeSpan.FromSeconds(20));
        await recorder.StopAsync(CancellationToken.None);
        simulator.Faults.Resume();
        recording.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Test]
    public async Task Events_give_way_while_a_controller_has_work_waiting_but_never_for_longer_than_the_limit()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        using var client = new Kubernetes(simulator.ClientConfiguration());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        var busy = new Busy { HasPendingWork = true };
        using var recorder = new EventRecorder(
            new KubeApiConnection(client), new EventRecorderOptions { ReportingInstance = "pod-1" }, time, NullLogger<EventRecorder>.Instance, [busy]);
        await recorder.StartAsync(CancellationToken.None);

        recorder.Record(Service, EventType.Normal, "First", "Assign", "held while work waits");
        await Task.Delay(200);
        simulator.Store.List<Eventsv1Event>("default").Should().BeEmpty("a controller has work waiting");
        busy.HasPendingWork = false;
        time.Advance(RuntimeDefaults.EventYieldPoll);
        await Eventually.HoldsAsync(() => simulator.Store.List<Eventsv1Event>("default").Count == 1, "sent once the work is done");

        busy.HasPendingWork = true;
        recorder.Record(Service, EventType.Normal, "Second", "Assign", "held, but not for ever");
        await Task.Delay(200);
        simulator.Store.List<Eventsv1Event>("default").Should().HaveCount(1);
        var held = time.GetUtcNow();
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (simulator.Store.List<Eventsv1Event>("default").Count < 2 && DateTime.UtcNow < giveUp)
        {
            time.Advance(RuntimeDefaults.EventYieldPoll);
            await Task.Delay(5);
        }

        simulator.Store.List<Eventsv1Event>("default").Should().HaveCount(2, "an Event is held back at most EventYieldMax");
        (time.GetUtcNow() - held).Should().BeGreaterThanOrEqualTo(RuntimeDefaults.EventYieldMax, "it was held until then");
        await recorder.StopAsync(CancellationToken.None);
    }

    private sealed class Busy : IEventYield
    {
        public bool HasPendingWork { get; set; }
    }
}
