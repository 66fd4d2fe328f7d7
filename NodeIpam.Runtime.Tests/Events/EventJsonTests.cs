using System.Text;
using System.Text.Json.Nodes;
using NodeIpam.Runtime.Events;

namespace NodeIpam.Runtime.Tests.Events;

public class EventJsonTests
{
    private static readonly EventDraft Draft = new(
        "default",
        "svc.18c9",
        new DateTimeOffset(2026, 11, 26, 6, 11, 23, TimeSpan.Zero),
        new RegardingReference("v1", "Node", string.Empty, "node-1", "u1", "7"),
        EventType.Warning,
        "NoAddress",
        "Assign",
        "no node matched");

    [Test]
    public void Event_times_carry_microseconds_even_on_a_whole_second()
    {
        var json = JsonNode.Parse(EventJson.Create(Draft, new EventRecorderOptions { ReportingInstance = "pod-1" }, 3, Draft.EventTime.AddTicks(1234560)))!;

        json["eventTime"]!.GetValue<string>().Should().Be("2026-11-26T06:11:23.000000Z");
        json["series"]!["lastObservedTime"]!.GetValue<string>().Should().Be("2026-11-26T06:11:23.123456Z");
        json["series"]!["count"]!.GetValue<int>().Should().Be(3);
        json["reportingController"]!.GetValue<string>().Should().Be("nodeipam.io/operator");
        json["reportingInstance"]!.GetValue<string>().Should().Be("pod-1");
        json["type"]!.GetValue<string>().Should().Be("Warning");
        json["regarding"]!.AsObject().ContainsKey("namespace").Should().BeFalse("a Node is cluster-scoped");
    }

    [Test]
    public void Notes_are_cut_to_1_KiB_of_utf8_without_splitting_a_character()
    {
        var note = string.Concat(Enumerable.Repeat("é😀", 400));

        var cut = EventJson.TruncateNote(note, 1024);

        Encoding.UTF8.GetByteCount(cut).Should().BeLessThanOrEqualTo(1024);
        cut.Should().EndWith("...");
        cut[..^3].Should().Be(note[..cut[..^3].Length]);
        char.IsHighSurrogate(cut[^4]).Should().BeFalse();
        EventJson.TruncateNote("short", 1024).Should().Be("short");
        EventJson.TruncateNote(null, 1024).Should().BeEmpty();
    }
}
