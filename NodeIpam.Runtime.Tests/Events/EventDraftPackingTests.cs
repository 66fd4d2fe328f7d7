using FsCheck;
using FsCheck.Fluent;
using NodeIpam.Runtime.Events;

namespace NodeIpam.Runtime.Tests.Events;

/// <summary>The correlator keeps the first Event of a series packed: it must come back field for field.</summary>
public class EventDraftPackingTests
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Test]
    public void Any_draft_of_valid_strings_comes_back_exactly() =>
        Check.One(Checks, Prop.ForAll(
            (NonNull<string> note, string? uid, string? resourceVersion) =>
            {
                var at = new DateTimeOffset(2026, 12, 5, 9, 30, 1, TimeSpan.FromMinutes((note.Get.Length % 29) * 30)).AddTicks(note.Get.Length * 7);
                var draft = Draft(note.Get, uid, resourceVersion, at) with
                {
                    // The Event's own namespace and name, as the recorder derives them or not.
                    Namespace = note.Get.Length % 2 == 0 ? "team-a" : "default",
                    Name = (note.Get.Length % 3) switch { 0 => $"web.{uid}", 1 => $"{uid}", _ => $"web{uid}.1" },
                };
                var packed = EventDraftPacking.TryPack(draft);
                if (packed is null)
                {
                    return HasLoneSurrogate(note.Get) || HasLoneSurrogate(uid) || HasLoneSurrogate(resourceVersion);
                }

                var back = EventDraftPacking.Unpack(packed);
                return back == draft && back.EventTime.EqualsExact(draft.EventTime);
            }));

    [Test]
    public void Non_ascii_notes_and_absent_uids_come_back_and_a_lone_surrogate_is_refused()
    {
        var draft = Draft("10.0.0.1 → fd00::1 ✓ 🚀 ünïcode", uid: null, resourceVersion: "", DateTimeOffset.UnixEpoch);

        EventDraftPacking.Unpack(EventDraftPacking.TryPack(draft)!).Should().Be(draft);
        EventDraftPacking.TryPack(draft with { Note = "\ud83d" }).Should().BeNull("it could not come back as it was");
        EventDraftPacking.TryPack(draft with { Regarding = draft.Regarding with { Name = "x\udc00" } }).Should().BeNull();
    }

    [TestCase("default", "web.187b", "", "web", TestName = "A cluster-scoped object's Event in default")]
    [TestCase("team-a", "web.", "team-a", "web", TestName = "An empty suffix")]
    [TestCase("team-a", "web", "team-a", "web", TestName = "No suffix")]
    [TestCase("team-a", "we.b", "team-a", "web", TestName = "A name that is not the object's")]
    [TestCase("team-b", "web.web.1", "team-a", "web", TestName = "Another namespace and a repeated name")]
    public void Event_names_and_namespaces_derived_from_the_object_or_not_come_back(string @namespace, string name, string regardingNamespace, string regardingName)
    {
        var draft = new EventDraft(
            @namespace, name, DateTimeOffset.UnixEpoch, new RegardingReference("v1", "Node", regardingNamespace, regardingName, "u", null), EventType.Normal, "R", "A", "n");

        EventDraftPacking.Unpack(EventDraftPacking.TryPack(draft)!).Should().Be(draft);
    }

    private static EventDraft Draft(string note, string? uid, string? resourceVersion, DateTimeOffset at) => new(
        "team-a",
        "web.187b2c3d4e5f6a7b",
        at,
        new RegardingReference("v1", "Service", "team-a", "web", uid, resourceVersion),
        EventType.Warning,
        "NoMatchingNodes",
        "Assign",
        note);

    private static bool HasLoneSurrogate(string? text)
    {
        for (var i = 0; text is not null && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
