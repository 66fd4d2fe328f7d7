using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Storage;

/// <summary>Field-by-field conversion between events.k8s.io/v1 and core/v1 Events, as Kubernetes converts them.</summary>
public sealed class EventConversionTests
{
    private static readonly ResourceType Core = ResourceCatalog.Find("", "v1", "events")!;
    private static readonly ResourceType EventsV1 = ResourceCatalog.Find("events.k8s.io", "v1", "events")!;

    private const string NewStyle = """
        {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"web.1","namespace":"default"},
         "eventTime":"2026-01-01T00:00:00.000000Z","series":{"count":3,"lastObservedTime":"2026-01-01T00:05:00.000000Z"},
         "reportingController":"nodeipam.io/operator","reportingInstance":"pod-a","action":"Assign","reason":"AddressesAssigned",
         "regarding":{"apiVersion":"v1","kind":"Service","name":"web","namespace":"default","uid":"u-1"},
         "related":{"kind":"Node","name":"worker-1"},"note":"assigned 203.0.113.1","type":"Normal",
         "deprecatedSource":{"component":"legacy","host":"h"},"deprecatedCount":2,
         "deprecatedFirstTimestamp":"2026-01-01T00:00:00Z","deprecatedLastTimestamp":"2026-01-01T00:01:00Z"}
        """;

    [Test]
    public void Events_k8s_io_fields_become_their_core_counterparts()
    {
        var core = EventConversion.Convert(JsonNode.Parse(NewStyle)!.AsObject(), Core);

        (Json.Str(core, "apiVersion"), Json.Str(core, "kind")).Should().Be(("v1", "Event"));
        Json.Str(core, "involvedObject.uid").Should().Be("u-1");
        Json.Str(core, "message").Should().Be("assigned 203.0.113.1");
        Json.Str(core, "reportingComponent").Should().Be("nodeipam.io/operator");
        Json.Str(core, "reportingInstance").Should().Be("pod-a");
        Json.Str(core, "source.component").Should().Be("legacy");
        Json.Str(core, "firstTimestamp").Should().Be("2026-01-01T00:00:00Z");
        Json.Str(core, "lastTimestamp").Should().Be("2026-01-01T00:01:00Z");
        Json.Str(core, "count").Should().Be("2");
        Json.Str(core, "series.count").Should().Be("3");
        Json.Str(core, "related.name").Should().Be("worker-1");
        (Json.Str(core, "action"), Json.Str(core, "reason"), Json.Str(core, "type")).Should().Be(("Assign", "AddressesAssigned", "Normal"));
        Json.Str(core, "eventTime").Should().Be("2026-01-01T00:00:00.000000Z");
        core.Select(p => p.Key).Should().NotContain(["regarding", "note", "reportingController", "deprecatedSource", "deprecatedCount"]);
    }

    [Test]
    public void A_series_fills_neither_count_nor_last_timestamp_nor_source_as_in_the_real_conversion()
    {
        var operatorEvent = JsonNode.Parse(NewStyle)!.AsObject();
        foreach (var field in (string[])["deprecatedSource", "deprecatedCount", "deprecatedFirstTimestamp", "deprecatedLastTimestamp"])
        {
            operatorEvent.Remove(field);
        }

        var core = EventConversion.Convert(operatorEvent, Core);

        core["count"].Should().BeNull();
        core["lastTimestamp"].Should().BeNull();
        core["source"].Should().BeNull();
        Json.Str(core, "series.lastObservedTime").Should().Be("2026-01-01T00:05:00.000000Z");
    }

    [Test]
    public void Converting_to_core_and_back_gives_the_same_event()
    {
        var original = JsonNode.Parse(NewStyle)!.AsObject();

        var back = EventConversion.Convert(EventConversion.Convert(original, Core), EventsV1);

        JsonNode.DeepEquals(back, original).Should().BeTrue(back.ToJsonString());
    }
}
