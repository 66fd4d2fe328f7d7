using System.Globalization;
using k8s.Models;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Kubectl;

/// <summary>
/// Real kubectl seeing events.k8s.io/v1 Events (the operator's recorder) through core/v1, as on a real cluster:
/// `kubectl describe svc` lists them under Events and `kubectl get events` prints them.
/// </summary>
public sealed class KubectlEventTests
{
    private KubeApiSimulator _sim = null!;
    private Support.Kubectl _kubectl = null!;
    private RawApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _kubectl = new Support.Kubectl(_sim);
        _api = new RawApi(_sim);
        var now = DateTimeOffset.UtcNow;
        var typo = Service("web-typo");
        var busy = Service("web-busy");
        await _api.CreateAsync("/apis/events.k8s.io/v1/namespaces/default/events", RecorderEvent("web-typo.1", typo, "NoMatchingPool", "no pool matches the requested address family", now));
        var busyEvent = RecorderEvent("web-busy.1", busy, "AddressesAssigned", "assigned 203.0.113.7", now.AddMinutes(-10));
        await _api.CreateAsync("/apis/events.k8s.io/v1/namespaces/default/events", busyEvent);
        await _api.PatchAsync(
            "/apis/events.k8s.io/v1/namespaces/default/events/web-busy.1",
            $$$"""{"series":{"count":3,"lastObservedTime":"{{{MicroTime(now)}}}"}}""",
            "application/merge-patch+json");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        _kubectl.Dispose();
        await _sim.DisposeAsync();
    }

    private V1Service Service(string name) => _sim.Store.Create(new V1Service
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 80 }] },
    });

    private static string MicroTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The JSON shape NodeIpam.Runtime's EventJson posts.</summary>
    private static string RecorderEvent(string name, V1Service service, string reason, string note, DateTimeOffset time) => $$"""
        {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"{{name}}","namespace":"default"},
         "eventTime":"{{MicroTime(time)}}",
         "regarding":{"apiVersion":"v1","kind":"Service","name":"{{service.Metadata.Name}}","namespace":"default","uid":"{{service.Metadata.Uid}}","resourceVersion":"{{service.Metadata.ResourceVersion}}"},
         "type":"Warning","reason":"{{reason}}","action":"Assign","note":"{{note}}",
         "reportingController":"nodeipam.io/operator","reportingInstance":"nodeipam-operator-0"}
        """;

    [Test]
    public async Task Describe_service_lists_the_operators_events()
    {
        var described = await _kubectl.OkAsync("describe", "svc", "web-typo");

        var events = described[described.IndexOf("Events:", StringComparison.Ordinal)..];
        events.Should().NotContain("<none>");
        events.Should().Contain("NoMatchingPool").And.Contain("no pool matches the requested address family");
        events.Should().Contain("nodeipam.io/operator", "kubectl falls back to reportingController for the From column");
        events.Should().NotContain("web-busy", "describe selects the events of this service only");
    }

    [Test]
    public async Task Describe_service_shows_a_series_as_a_repeat_count()
    {
        var described = await _kubectl.OkAsync("describe", "svc", "web-busy");

        described.Should().Contain("AddressesAssigned").And.Contain("(x3 over");
    }

    [Test]
    public async Task Get_events_with_an_involved_object_selector_lists_the_event()
    {
        var table = await _kubectl.OkAsync("get", "events", "--field-selector", "involvedObject.name=web-typo");

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
        lines.Should().HaveCount(2);
        lines[1].Should().Contain("Warning").And.Contain("NoMatchingPool").And.Contain("service/web-typo").And.Contain("no pool matches");
    }

    [Test]
    public async Task Get_events_wide_prints_source_first_seen_and_the_series_count()
    {
        var table = await _kubectl.OkAsync("get", "events", "-o", "wide", "--field-selector", "involvedObject.name=web-busy");

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex(@"^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME$");
        lines[1].Should().Contain("nodeipam.io/operator, nodeipam-operator-0");
        lines[1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^2].Should().Be("3", "the series count is the event's count");
        lines[1].Should().MatchRegex(@"^\S+\s+Warning\s+AddressesAssigned\s+service/web-busy\s+.*\s+10m\s+3\s+web-busy\.1$", "first seen is the eventTime, ten minutes ago");
    }
}
