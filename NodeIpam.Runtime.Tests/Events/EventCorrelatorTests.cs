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

    // The correlator keeps a series as a hash key and a packed draft: what follows pins that nothing it decides or
    // writes changed with that.
    [Test]
    public void Drafts_differing_only_in_note_are_two_series_each_patching_its_own_event_with_its_own_count()
    {
        var correlator = new EventCorrelator(Options);
        var a = (CreateEvent)correlator.Observe(Draft(T0, note: "assigned 10.0.0.1"), out _)!;
        var b = (CreateEvent)correlator.Observe(Draft(T0.AddSeconds(1), note: "assigned 10.0.0.2"), out _)!;

        var repeatA = correlator.Observe(Draft(T0.AddSeconds(2), note: "assigned 10.0.0.1"), out _);
        correlator.Observe(Draft(T0.AddSeconds(3), note: "assigned 10.0.0.2"), out _);
        correlator.Observe(Draft(T0.AddSeconds(4), note: "assigned 10.0.0.2"), out _);
        correlator.Observe(Draft(T0.AddSeconds(5), note: "assigned 10.0.0.2"), out _);
        var flushed = correlator.Flush(T0.AddSeconds(60));

        repeatA.Should().BeOfType<PatchSeries>().Which.Draft.Should().Be(a.Draft);
        flushed.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new PatchSeries(b.Draft, 4, T0.AddSeconds(5)), "b's series counted its own repeats, a's had nothing new");
    }

    [Test]
    public void A_repeat_patches_the_first_event_as_it_was_created_whatever_the_repeat_carries_beside_its_key()
    {
        var correlator = new EventCorrelator(Options);
        var first = Draft(T0, note: "10.0.0.1, 10.0.0.2 → 10.0.0.3 and 4997 more");
        correlator.Observe(first, out _);
        var repeat = first with
        {
            Name = "svc.later",
            EventTime = T0.AddSeconds(30),
            Regarding = first.Regarding with { ResourceVersion = "2" },
        };

        var patch = correlator.Observe(repeat, out _);
        correlator.Observe(repeat with { EventTime = T0.AddSeconds(40) }, out _);
        var flushed = correlator.Flush(T0.AddSeconds(60));

        patch.Should().Be(new PatchSeries(first, 2, T0.AddSeconds(30)), "a patch that finds the Event gone creates this draft again");
        flushed.Should().Equal(new PatchSeries(first, 3, T0.AddSeconds(40)));
    }

    [Test]
    public void Each_field_of_the_key_separates_series_even_where_their_texts_concatenate_alike()
    {
        var correlator = new EventCorrelator(Options);
        var draft = Draft(T0) with { Reason = "AB", Action = "C" };
        correlator.Observe(draft, out _);

        correlator.Observe(draft with { Reason = "A", Action = "BC" }, out _).Should().BeOfType<CreateEvent>();
        correlator.Observe(draft with { Type = EventType.Warning }, out _).Should().BeOfType<CreateEvent>();
        correlator.Observe(draft with { Action = "C", Note = "okAB" }, out _).Should().BeOfType<CreateEvent>();
        correlator.Observe(draft with { Name = "other.name" }, out _).Should().BeOfType<PatchSeries>("the Event's own name is not part of the key");
    }

    [Test]
    public void A_series_past_the_window_but_not_yet_flushed_is_replaced_and_later_repeats_patch_the_new_event()
    {
        var correlator = new EventCorrelator(Options);
        correlator.Observe(Draft(T0), out _);

        var second = correlator.Observe(Draft(T0.AddMinutes(6)), out _);
        var repeat = correlator.Observe(Draft(T0.AddMinutes(7)), out _);

        second.Should().BeOfType<CreateEvent>();
        repeat.Should().BeOfType<PatchSeries>().Which.Draft.Should().Be(((CreateEvent)second!).Draft);
        ((PatchSeries)repeat!).Count.Should().Be(2, "the new series counts from its own first occurrence");
    }

    [Test]
    public void Expiry_forgets_every_series_and_gives_back_the_room_a_burst_took()
    {
        var correlator = new EventCorrelator(Options);
        var burst = Enumerable.Range(0, 2000).Select(i => Draft(T0, name: $"svc-{i}")).ToList();
        burst.ForEach(d => correlator.Observe(d, out _));
        var roomInBurst = correlator.SeriesCapacity;

        correlator.Flush(T0.AddMinutes(6)).Should().BeEmpty();

        correlator.SeriesCapacity.Should().BeLessThan(roomInBurst / 10, "2,000 forgotten series leave no table for 2,000 behind");
        burst.Take(3).Select(d => correlator.Observe(d with { EventTime = T0.AddMinutes(6) }, out _)).ToList()
            .Should().AllBeOfType<CreateEvent>("forgotten series start anew");
    }

    [Test]
    public void A_note_that_cannot_be_packed_is_kept_as_it_is_and_patched_exactly()
    {
        var correlator = new EventCorrelator(Options);
        var lone = Draft(T0, note: "half a pair: \ud83d");
        correlator.Observe(lone, out _);

        correlator.Observe(lone with { EventTime = T0.AddSeconds(1) }, out _)
            .Should().BeOfType<PatchSeries>().Which.Draft.Note.Should().Be("half a pair: \ud83d");
    }

    [Test]
    public void Rate_limits_stay_per_object_for_objects_without_a_uid()
    {
        var correlator = new EventCorrelator(Options);
        EventDraft NoUid(string ns, int i) => Draft(T0, note: $"n{i}") with { Regarding = new RegardingReference("v1", "Service", ns, "svc", null, null) };

        var inA = Enumerable.Range(0, 30).Count(i => correlator.Observe(NoUid("a", i), out _) is CreateEvent);
        var inB = Enumerable.Range(0, 30).Count(i => correlator.Observe(NoUid("b", i), out _) is CreateEvent);

        (inA, inB).Should().Be((25, 25));
    }

    [Test]
    public void Times_in_another_offset_are_the_same_instants()
    {
        var correlator = new EventCorrelator(Options);
        var east = TimeSpan.FromHours(2);
        correlator.Observe(Draft(T0), out _);

        var repeat = correlator.Observe(Draft(T0.AddMinutes(5).ToOffset(east)), out _);
        var afterWindow = correlator.Observe(Draft(T0.AddMinutes(11)), out _);

        repeat.Should().BeOfType<PatchSeries>().Which.LastObserved.Should().Be(T0.AddMinutes(5));
        afterWindow.Should().BeOfType<CreateEvent>("six minutes passed since the repeat");
    }
}
