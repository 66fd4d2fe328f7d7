using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Simulator.Tests.Support;

namespace NodeIpam.Simulator.Tests.Http;

/// <summary>The API server's object rules over raw HTTP: metadata, versions, conflicts, Status errors, finalizers.</summary>
public sealed class ObjectRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private FakeTimeProvider _time = null!;
    private KubeApiSimulator _sim = null!;
    private RawApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(Start);
        _sim = await KubeApiSimulator.StartAsync(new SimulatorOptions { TimeProvider = _time });
        _api = new RawApi(_sim);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
    }

    private const string Services = "/api/v1/namespaces/default/services";

    private static string Service(string name, string extra = "") =>
        $$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"{{{name}}}"},"spec":{"ports":[{"port":80}]{{{extra}}}}}""";

    [Test]
    public async Task Create_sets_uid_creation_timestamp_and_a_numeric_resource_version()
    {
        var created = await _api.CreateAsync(Services, Service("meta"));

        Guid.TryParse(Json.Str(created, "metadata.uid"), out _).Should().BeTrue();
        Json.Str(created, "metadata.creationTimestamp").Should().Be("2026-01-02T03:04:05Z");
        RawApi.RvNumber(created).Should().BePositive();
        created["metadata"]!["generation"].Should().BeNull("Services have no generation");
    }

    [Test]
    public async Task Resource_versions_increase_across_kinds()
    {
        var a = await _api.CreateAsync(Services, Service("rv-a"));
        var b = await _api.CreateAsync("/api/v1/nodes", """{"apiVersion":"v1","kind":"Node","metadata":{"name":"rv-node"}}""");
        var c = await _api.CreateAsync(Services, Service("rv-c"));

        RawApi.RvNumber(b).Should().BeGreaterThan(RawApi.RvNumber(a));
        RawApi.RvNumber(c).Should().BeGreaterThan(RawApi.RvNumber(b));
        var (_, list) = await _api.GetAsync(Services);
        long.Parse(Json.Str(list, "metadata.resourceVersion")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(RawApi.RvNumber(c));
    }

    [Test]
    public async Task Deployment_generation_starts_at_one_and_bumps_only_on_spec_change()
    {
        const string path = "/apis/apps/v1/namespaces/default/deployments";
        var created = await _api.CreateAsync(path, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"gen"},"spec":{"replicas":1}}""");
        Json.Str(created, "metadata.generation").Should().Be("1");

        var (_, labelled) = await _api.PatchAsync(path + "/gen", """{"metadata":{"labels":{"x":"y"}}}""", "application/merge-patch+json");
        Json.Str(labelled, "metadata.generation").Should().Be("1");

        var (_, scaled) = await _api.PatchAsync(path + "/gen", """{"spec":{"replicas":3}}""", "application/merge-patch+json");
        Json.Str(scaled, "metadata.generation").Should().Be("2");
    }

    [Test]
    public async Task A_put_with_a_stale_resource_version_is_a_409_conflict_status()
    {
        var created = await _api.CreateAsync(Services, Service("stale"));
        var stale = created.DeepClone().AsObject();
        await _api.PatchAsync(Services + "/stale", """{"metadata":{"labels":{"v":"2"}}}""", "application/merge-patch+json");

        var (code, status) = await _api.PutAsync(Services + "/stale", stale.ToJsonString());

        code.Should().Be(HttpStatusCode.Conflict);
        AssertStatus(status, 409, "Conflict");
        Json.Str(status, "message").Should().Contain("the object has been modified");
        Json.Str(status, "details.name").Should().Be("stale");
        Json.Str(status, "details.kind").Should().Be("services");
    }

    [Test]
    public async Task A_patch_carrying_a_stale_resource_version_is_a_409_conflict()
    {
        var created = await _api.CreateAsync(Services, Service("stale-patch"));
        await _api.PatchAsync(Services + "/stale-patch", """{"metadata":{"labels":{"v":"2"}}}""", "application/merge-patch+json");

        var (code, status) = await _api.PatchAsync(Services + "/stale-patch", "{\"metadata\":{\"resourceVersion\":\"" + RawApi.Rv(created) + "\",\"labels\":{\"v\":\"3\"}}}", "application/merge-patch+json");

        code.Should().Be(HttpStatusCode.Conflict);
        AssertStatus(status, 409, "Conflict");
    }

    [Test]
    public async Task Missing_objects_duplicates_and_invalid_objects_answer_Status_objects()
    {
        var (notFound, nf) = await _api.GetAsync(Services + "/nope");
        notFound.Should().Be(HttpStatusCode.NotFound);
        AssertStatus(nf, 404, "NotFound");
        Json.Str(nf, "message").Should().Be("services \"nope\" not found");

        await _api.CreateAsync(Services, Service("dup"));
        var (exists, ae) = await _api.PostAsync(Services, Service("dup"));
        exists.Should().Be(HttpStatusCode.Conflict);
        AssertStatus(ae, 409, "AlreadyExists");

        var (invalid, iv) = await _api.PostAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"Bad_Name"},"spec":{}}""");
        invalid.Should().Be((HttpStatusCode)422);
        AssertStatus(iv, 422, "Invalid");
        Json.Str(iv, "details.kind").Should().Be("Service");
        iv["details"]!["causes"]!.AsArray().Select(c => Json.Str(c, "field")).Should().Contain(["metadata.name", "spec.ports"]);
    }

    [Test]
    public async Task Creating_in_a_missing_namespace_is_404()
    {
        var (code, status) = await _api.PostAsync("/api/v1/namespaces/ghost/services", Service("x"));

        code.Should().Be(HttpStatusCode.NotFound);
        Json.Str(status, "message").Should().Be("namespaces \"ghost\" not found");
    }

    [Test]
    public async Task A_write_that_changes_nothing_keeps_the_resource_version()
    {
        var created = await _api.CreateAsync(Services, Service("noop", ""","type":"LoadBalancer" """));

        var (_, same) = await _api.PatchAsync(Services + "/noop", """{"spec":{"type":"LoadBalancer"}}""", "application/merge-patch+json");
        var (_, put) = await _api.PutAsync(Services + "/noop", created.ToJsonString());

        RawApi.Rv(same).Should().Be(RawApi.Rv(created));
        RawApi.Rv(put).Should().Be(RawApi.Rv(created));
    }

    [Test]
    public async Task Delete_with_finalizers_marks_the_object_and_removing_them_deletes_it()
    {
        await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"name":"fin","finalizers":["example.com/hold"]},"spec":{"ports":[{"port":80}]}}""");

        var (code, marked) = await _api.DeleteAsync(Services + "/fin");
        code.Should().Be(HttpStatusCode.OK);
        Json.Str(marked, "metadata.deletionTimestamp").Should().Be("2026-01-02T03:04:05Z");
        (await _api.GetAsync(Services + "/fin")).Code.Should().Be(HttpStatusCode.OK);

        var (added, _) = await _api.PatchAsync(Services + "/fin", """{"metadata":{"finalizers":["example.com/hold","example.com/new"]}}""", "application/merge-patch+json");
        added.Should().Be((HttpStatusCode)422, "no new finalizers may be added while deleting");

        await _api.PatchAsync(Services + "/fin", """{"metadata":{"finalizers":null}}""", "application/merge-patch+json");
        (await _api.GetAsync(Services + "/fin")).Code.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_preconditions_on_uid_are_checked()
    {
        await _api.CreateAsync(Services, Service("precond"));

        var (code, status) = await _api.SendAsync(HttpMethod.Delete, Services + "/precond", """{"preconditions":{"uid":"other"}}""", "application/json");

        code.Should().Be(HttpStatusCode.Conflict);
        Json.Str(status, "message").Should().Contain("Precondition failed");
    }

    [Test]
    public async Task Dry_run_create_answers_the_object_without_storing_it()
    {
        var (code, body) = await _api.PostAsync(Services + "?dryRun=All", Service("dry"));

        code.Should().Be(HttpStatusCode.Created);
        Json.Str(body, "spec.clusterIP").Should().NotBeNullOrEmpty();
        (await _api.GetAsync(Services + "/dry")).Code.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Generate_name_produces_a_unique_name()
    {
        var created = await _api.CreateAsync(Services, """{"apiVersion":"v1","kind":"Service","metadata":{"generateName":"gen-"},"spec":{"ports":[{"port":80}]}}""");

        Json.Str(created, "metadata.name").Should().MatchRegex("^gen-[a-z0-9]{5}$");
    }

    [Test]
    public async Task Put_of_a_missing_lease_creates_it_but_put_of_a_missing_service_is_404()
    {
        var (leaseCode, _) = await _api.PutAsync("/apis/coordination.k8s.io/v1/namespaces/default/leases/l1", """{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l1"},"spec":{"holderIdentity":"a"}}""");
        var (svcCode, _) = await _api.PutAsync(Services + "/ghost", Service("ghost"));

        leaseCode.Should().Be(HttpStatusCode.Created);
        svcCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Node_writes_to_the_object_ignore_status_and_status_writes_ignore_the_rest()
    {
        await _api.CreateAsync("/api/v1/nodes", """{"apiVersion":"v1","kind":"Node","metadata":{"name":"split"},"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}}""");

        var (_, main) = await _api.PatchAsync("/api/v1/nodes/split", """{"metadata":{"labels":{"a":"b"}},"status":{"addresses":[]}}""", "application/merge-patch+json");
        var (_, status) = await _api.PutAsync("/api/v1/nodes/split/status", """{"apiVersion":"v1","kind":"Node","metadata":{"name":"split","labels":{"x":"y"}},"spec":{"unschedulable":true},"status":{"addresses":[{"type":"ExternalIP","address":"203.0.113.1"}]}}""");

        Json.Str(main, "status.addresses.0.address").Should().Be("10.0.0.1", "a node keeps the status given on create; an object write ignores status");
        Json.Str(main, "metadata.labels.a").Should().Be("b");
        Json.Str(status, "status.addresses.0.address").Should().Be("203.0.113.1");
        Json.Str(status, "metadata.labels").Should().Be("""{"a":"b"}""");
        Json.Str(status, "spec.unschedulable").Should().BeNull();
    }

    private static void AssertStatus(JsonObject status, int code, string reason)
    {
        Json.Str(status, "kind").Should().Be("Status");
        Json.Str(status, "apiVersion").Should().Be("v1");
        Json.Str(status, "status").Should().Be("Failure");
        Json.Str(status, "reason").Should().Be(reason);
        Json.Str(status, "code").Should().Be(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
