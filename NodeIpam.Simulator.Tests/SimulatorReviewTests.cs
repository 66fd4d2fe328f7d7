using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NodeIpam.Simulator.Tests;

/// <summary>TokenReview and SubjectAccessReview through KubernetesClient, answered from the simulator's tokens and RBAC rules.</summary>
public sealed class SimulatorReviewTests
{
    private KubeApiSimulator _sim = null!;
    private Kubernetes _admin = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync();
        _sim.Store.CreateJson("""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"reader"},"rules":[
              {"nonResourceURLs":["/metrics","/debug/*"],"verbs":["get"]},
              {"apiGroups":[""],"resources":["services"],"verbs":["list"]}]}
            """);
        _sim.Store.CreateJson("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"reader"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"reader"},"subjects":[{"kind":"ServiceAccount","name":"prometheus","namespace":"monitoring"}]}""");
        _sim.Rbac.AddServiceAccountToken("prometheus-token", "monitoring", "prometheus");
        _admin = new Kubernetes(_sim.ClientConfiguration());
    }

    [TearDown]
    public async Task StopAsync()
    {
        _admin.Dispose();
        await _sim.DisposeAsync();
    }

    [Test]
    public async Task A_known_token_is_authenticated_as_its_user_and_an_unknown_one_is_not()
    {
        var known = await _admin.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = "prometheus-token" } });
        var unknown = await _admin.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = "nope" } });

        known.Status.Authenticated.Should().BeTrue();
        known.Status.User.Username.Should().Be("system:serviceaccount:monitoring:prometheus");
        known.Status.User.Groups.Should().Contain("system:serviceaccounts:monitoring");
        unknown.Status.Authenticated.Should().NotBe(true);
        unknown.Status.Error.Should().Be("invalid bearer token");
    }

    [TestCase("system:serviceaccount:monitoring:prometheus", "/metrics", "get", true)]
    [TestCase("system:serviceaccount:monitoring:prometheus", "/debug/pprof", "get", true)]
    [TestCase("system:serviceaccount:monitoring:prometheus", "/metrics", "post", false)]
    [TestCase("system:serviceaccount:monitoring:prometheus", "/healthz", "get", false)]
    [TestCase("system:serviceaccount:default:web", "/metrics", "get", false)]
    public async Task A_non_resource_access_review_follows_the_rbac_rules(string user, string path, string verb, bool allowed)
    {
        var review = await _admin.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec { User = user, NonResourceAttributes = new V1NonResourceAttributes { Path = path, Verb = verb } },
        });

        review.Status.Allowed.Should().Be(allowed);
        if (!allowed)
        {
            review.Status.Reason.Should().Contain(user).And.Contain(path);
        }
    }

    [Test]
    public async Task A_resource_access_review_follows_the_rbac_rules_and_groups_count()
    {
        async Task<bool> Allowed(string user, string[] groups, string verb) => (await _admin.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user,
                Groups = groups,
                ResourceAttributes = new V1ResourceAttributes { Verb = verb, Resource = "services", NamespaceProperty = "default" },
            },
        })).Status.Allowed;

        (await Allowed("system:serviceaccount:monitoring:prometheus", [], "list")).Should().BeTrue();
        (await Allowed("system:serviceaccount:monitoring:prometheus", [], "delete")).Should().BeFalse();
        (await Allowed("someone", ["system:masters"], "delete")).Should().BeTrue("the admin group may do anything");
    }

    [Test]
    public async Task Reviews_need_create_permission_when_rbac_is_enforced_and_only_create_is_served()
    {
        using var http = new HttpClient();
        var list = await http.GetAsync(new Uri(_sim.BaseAddress, "/apis/authentication.k8s.io/v1/tokenreviews"));
        list.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);

        _sim.Rbac.Enforce = true;
        using var prometheus = new Kubernetes(_sim.ClientConfiguration("prometheus-token"));
        var create = () => prometheus.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = "x" } });
        (await create.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
