using System.Net;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Defaults;

/// <summary>events.k8s.io/v1 Events are validated strictly on create, like the API server does.</summary>
public sealed class EventStrategyTests
{
    private const string Events = "/apis/events.k8s.io/v1/namespaces/default/events";
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _api = new RawApi(_sim);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    [Test]
    public async Task A_complete_event_is_accepted()
    {
        var (code, body) = await _api.PostAsync(Events, """{"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"ok.1"},"eventTime":"2026-01-01T00:00:00.000000Z","type":"Normal","reportingController":"nodeipam.io/controller","reportingInstance":"pod-1","action":"Assign","reason":"Assigned","note":"hi","regarding":{"kind":"Service","name":"web","namespace":"default"}}""");

        code.Should().Be(HttpStatusCode.Created, body.ToJsonString());
    }

    [Test]
    public async Task Missing_fields_a_bad_type_and_a_foreign_namespace_are_invalid()
    {
        var (code, status) = await _api.PostAsync(Events, """{"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"bad.1"},"type":"Info","regarding":{"kind":"Service","name":"web","namespace":"other"}}""");

        code.Should().Be((HttpStatusCode)422);
        status["details"]!["causes"]!.AsArray().Select(c => Json.Str(c, "field")).Should()
            .Contain(["eventTime", "type", "reportingController", "reportingInstance", "action", "reason", "regarding.namespace"]);
    }
}
