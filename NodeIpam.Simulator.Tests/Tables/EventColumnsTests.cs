using System.Text.Json.Nodes;
using NodeIpam.Simulator.Tables;

namespace NodeIpam.Simulator.Tests.Tables;

/// <summary>The Event table cells follow the API server's printer: series first, then the core timestamps, then eventTime.</summary>
public sealed class EventColumnsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 1, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<JsonNode?> Cells(string json) => new EventColumns().Cells(JsonNode.Parse(json)!.AsObject(), Now);

    [Test]
    public void A_core_event_counts_and_ages_from_its_timestamps_and_source()
    {
        var cells = Cells("""{"metadata":{"name":"e"},"involvedObject":{"kind":"Pod","name":"p","fieldPath":"spec.containers{app}"},"firstTimestamp":"2026-01-01T00:00:00Z","lastTimestamp":"2026-01-01T00:50:00Z","count":4,"source":{"component":"kubelet","host":"node-a"},"message":" pulled \n"}""");

        cells.Select(c => c?.ToString()).Should().Equal("10m", "", "", "pod/p", "spec.containers{app}", "kubelet, node-a", "pulled", "60m", "4", "e");
    }

    [Test]
    public void A_new_style_event_uses_its_series_and_reporting_controller()
    {
        var cells = Cells("""{"metadata":{"name":"e"},"regarding":{"kind":"Service","name":"web"},"eventTime":"2026-01-01T00:30:00.000000Z","series":{"count":7,"lastObservedTime":"2026-01-01T00:59:00.000000Z"},"reportingController":"nodeipam.io/operator","type":"Normal","reason":"Assigned","note":"ok"}""");

        cells.Select(c => c?.ToString()).Should().Equal("60s", "Normal", "Assigned", "service/web", "", "nodeipam.io/operator", "ok", "30m", "7", "e");
    }

    [Test]
    public void A_singleton_without_count_counts_one_and_was_last_seen_when_first_seen()
    {
        var cells = Cells("""{"metadata":{"name":"e"},"eventTime":"2026-01-01T00:55:00.000000Z"}""");

        (cells[0]?.ToString(), cells[7]?.ToString(), cells[8]?.ToString()).Should().Be(("5m", "5m", "1"));
    }
}
