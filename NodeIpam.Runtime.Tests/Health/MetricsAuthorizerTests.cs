using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Health;
using NodeIpam.Simulator;

namespace NodeIpam.Runtime.Tests.Health;

/// <summary>
/// Who may scrape /metrics, decided by the simulator's TokenReview and SubjectAccessReview from its tokens and RBAC
/// rules, the way the API server decides for controller-runtime's metrics filter.
/// </summary>
public sealed class MetricsAuthorizerTests
{
    private const string Reader = "reader-token";
    private const string Stranger = "stranger-token";

    private KubeApiSimulator _simulator = null!;
    private Kubernetes _client = null!;
    private FakeTimeProvider _time = null!;
    private MetricsAuthorizer _authorizer = null!;

    [SetUp]
    public async Task SetUp()
    {
        _simulator = await KubeApiSimulator.StartAsync();
        _simulator.Rbac.AddServiceAccountToken(Reader, "monitoring", "prometheus");
        _simulator.Rbac.AddServiceAccountToken(Stranger, "default", "web");
        _simulator.Store.Create(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "metrics-reader" },
            Rules = [new V1PolicyRule { NonResourceURLs = ["/metrics"], Verbs = ["get"] }],
        });
        Bind("prometheus", "monitoring");
        _client = new Kubernetes(_simulator.ClientConfiguration());
        _time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _authorizer = new MetricsAuthorizer(() => _client, _time, NullLogger.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Test]
    public async Task No_token_is_401_without_asking_the_cluster()
    {
        var access = await _authorizer.CheckAsync(null, CancellationToken.None);

        access.StatusCode.Should().Be(401);
        access.Reason.Should().StartWith("Unauthorized: ");
        _simulator.Requests.Count("create", "tokenreviews").Should().Be(0);
    }

    [Test]
    public async Task A_token_the_cluster_does_not_know_is_401()
    {
        var access = await _authorizer.CheckAsync("Bearer made-up", CancellationToken.None);

        access.Should().Be(new MetricsAccess(401, "Unauthorized: invalid bearer token"));
    }

    [Test]
    public async Task A_user_without_the_metrics_reader_role_is_403_and_one_with_it_is_allowed()
    {
        var stranger = await _authorizer.CheckAsync($"Bearer {Stranger}", CancellationToken.None);
        var reader = await _authorizer.CheckAsync($"Bearer {Reader}", CancellationToken.None);

        stranger.StatusCode.Should().Be(403);
        stranger.Reason.Should().StartWith("Forbidden: user \"system:serviceaccount:default:web\" may not get /metrics").And.NotContain("\n");
        reader.Should().Be(MetricsAccess.Granted);
        _simulator.Requests.Count("create", "subjectaccessreviews").Should().Be(2);
    }

    [Test]
    public async Task Decisions_are_cached_per_token_for_a_while()
    {
        await _authorizer.CheckAsync($"Bearer {Reader}", CancellationToken.None);
        await _authorizer.CheckAsync($"Bearer {Reader}", CancellationToken.None);
        (await _authorizer.CheckAsync($"Bearer {Stranger}", CancellationToken.None)).StatusCode.Should().Be(403);
        _authorizer.Reviews.Should().Be(2, "the second scrape with the same token is answered from the cache");

        Bind("web", "default");
        (await _authorizer.CheckAsync($"Bearer {Stranger}", CancellationToken.None)).StatusCode
            .Should().Be(403, "a refusal is remembered for a while");
        _time.Advance(RuntimeDefaults.MetricsAuthDeniedTtl);
        (await _authorizer.CheckAsync($"Bearer {Stranger}", CancellationToken.None)).Should().Be(MetricsAccess.Granted);
        _authorizer.Reviews.Should().Be(3);
    }

    [Test]
    public async Task A_failed_review_is_500_in_one_line_and_not_cached()
    {
        _simulator.Faults.FailNext(1, "create", "tokenreviews", 503);

        var failed = await _authorizer.CheckAsync($"Bearer {Reader}", CancellationToken.None);
        var retried = await _authorizer.CheckAsync($"Bearer {Reader}", CancellationToken.None);

        failed.StatusCode.Should().Be(500);
        failed.Reason.Should().StartWith("Internal Server Error: cannot review the token: ").And.NotContain("\n");
        retried.Should().Be(MetricsAccess.Granted);
    }

    private void Bind(string serviceAccount, string ns) => _simulator.Store.Create(new V1ClusterRoleBinding
    {
        Metadata = new V1ObjectMeta { Name = $"metrics-reader-{serviceAccount}" },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "metrics-reader" },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = serviceAccount, NamespaceProperty = ns }],
    });
}
