using NodeIpam.Runtime.Events;

namespace NodeIpam.Runtime.Tests.Events;

public class EventCorrelatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly EventRecorderOptions Options = new() { ReportingInstance = "test" };

    private static EventDraft Draft(DateTimeOffset at, string reason = "Assigned", string name = "svc", string note = "ok") => new(
        "default",
        $"{name}.{at.UtcTicks:x}",
        at,
        new RegardingReference("v1", "Service", "default", name, $"uid-{name}", "1"),
        EventType.Normal,
        reason,
        "Assign",
        note);

    [Test]
    public void Repeats_within_the_window_become_one_event_with_a_series()
    {
        var correlator = new EventCorrelator(Options);

        var first = correlator.Observe(Draft(T0), out _);
        var second = correlator.Observe(Draft(T0.AddSeconds(10)), out _);
        var third = correlator.Observe(Draft(T0.AddSeconds(20)), out _);
        var fourth = correlator.Observe(Draft(T0.AddSeconds(30)), out _);

        first.Should().BeOfType<CreateEvent>();
        second.Should().BeEquivalentTo(new { Count = 2, LastObserved = T0.AddSeconds(10) }, o => o.ExcludingMissingMembers());
        ((PatchSeries)second!).Draft.Name.Should().Be(((CreateEvent)first!).Draft.Name, "the series patches the first Event");
        third.Should().BeNull();
        fourth.Should().BeNull();
        correlator.Flush(T0.AddSeconds(60)).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Count = 4, LastObserved = T0.AddSeconds(30) }, o => o.ExcludingMissingMembers());
        correlator.Flush(T0.AddSeconds(120)).Should().BeEmpty("nothing changed since the last flush");
    }

    [Test]
    public void A_different_note_reason_or_object_is_a_different_event()
    {
        var correlator = new EventCorrelator(Options);
        correlator.Observe(Draft(T0), out _);

        correlator.Observe(Draft(T0, note: "other"), out _).Should().BeOfType<CreateEvent>();
        correlator.Observe(Draft(T0, reason: "Released"), out _).Should().BeOfType<CreateEvent>();
        correlator.Observe(Draft(T0, name: "other-svc"), out _).Should().BeOfType<CreateEvent>();
    }

    [Test]
    public void After_the_window_the_same_event_is_created_anew()
    {
        var correlator = new EventCorrelator(Options);
        correlator.Observe(Draft(T0), out _);

        correlator.Flush(T0.AddMinutes(7));

        correlator.Observe(Draft(T0.AddMinutes(7)), out _).Should().BeOfType<CreateEvent>();
    }

    [Test]
    public void Each_object_may_create_25_events_in_a_burst_then_one_per_5_minutes()
    {
        var correlator = new EventCorrelator(Options);

        var created = Enumerable.Range(0, 30).Count(i => correlator.Observe(Draft(T0, note: $"n{i}"), out _) is CreateEvent);
        correlator.Observe(Draft(T0, note: "late"), out var limited);
        var otherObject = correlator.Observe(Draft(T0, name: "other", note: "x"), out _);
        var afterRefill = correlator.Observe(Draft(T0.AddMinutes(5), note: "refilled"), out _);
        var immediatelyAgain = correlator.Observe(Draft(T0.AddMinutes(5), note: "again"), out _);

        created.Should().Be(25);
        limited.Should().BeTrue();
        otherObject.Should().BeOfType<CreateEvent>("the limit is per object");
        afterRefill.Should().BeOfType<CreateEvent>();
        immediatelyAgain.Should().BeNull();
    }
}
