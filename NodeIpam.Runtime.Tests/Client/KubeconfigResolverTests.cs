using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Tests.Client;

public sealed class KubeconfigResolverTests
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "home");
    private static readonly string HomeConfig = Path.Combine(Home, ".kube", "config");

    [Test]
    public void An_explicit_file_wins_over_everything()
    {
        var choice = KubeconfigResolver.Choose("/etc/kc", "/a", Home, _ => true, inCluster: true);

        choice.Should().Be(new KubeconfigChoice(KubeconfigSource.ExplicitFile, choice.Files));
        choice.Files.Should().Equal("/etc/kc");
    }

    [Test]
    public void KUBECONFIG_comes_next_keeping_only_existing_files_in_order()
    {
        var list = string.Join(Path.PathSeparator, "/a", "/missing", "/b");

        var choice = KubeconfigResolver.Choose(null, list, Home, f => f != "/missing", inCluster: true);

        choice.Source.Should().Be(KubeconfigSource.EnvironmentFiles);
        choice.Files.Should().Equal("/a", "/b");
    }

    [Test]
    public void Then_the_home_file()
    {
        var choice = KubeconfigResolver.Choose(null, "/missing", Home, f => f == HomeConfig, inCluster: true);

        choice.Source.Should().Be(KubeconfigSource.HomeFile);
        choice.Files.Should().Equal(HomeConfig);
    }

    [Test]
    public void Then_the_in_cluster_service_account()
    {
        var choice = KubeconfigResolver.Choose(null, null, Home, _ => false, inCluster: true);

        choice.Source.Should().Be(KubeconfigSource.InCluster);
    }

    [Test]
    public void Nothing_at_all_is_a_clear_error()
    {
        FluentActions.Invoking(() => KubeconfigResolver.Choose(null, "", Home, _ => false, inCluster: false))
            .Should().Throw<InvalidOperationException>().WithMessage("No Kubernetes configuration found*");
    }

    [Test]
    public void Loads_the_current_context_of_a_kubeconfig_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(file, """
            apiVersion: v1
            kind: Config
            current-context: test
            clusters:
            - name: c
              cluster:
                server: http://127.0.0.1:6443
            contexts:
            - name: test
              context:
                cluster: c
                user: u
                namespace: ipam
            users:
            - name: u
              user:
                token: secret
            """);
        try
        {
            var configuration = KubeconfigResolver.Load(new KubeconfigChoice(KubeconfigSource.ExplicitFile, [file]));

            configuration.Host.Should().Be("http://127.0.0.1:6443");
            configuration.Namespace.Should().Be("ipam");
            configuration.AccessToken.Should().Be("secret");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Loads_in_kubectls_order_through_the_clients_own_loading()
    {
        var dir = Directory.CreateTempSubdirectory("kubeconfig-order-").FullName;
        try
        {
            var explicitFile = Write(dir, "explicit", Config("explicit", ("explicit", "https://explicit:6443", null)));
            var first = Write(dir, "first", Config("first", ("first", "https://first:6443", "from-first")));
            var second = Write(dir, "second", Config("second", ("first", "https://shadowed:6443", null), ("second", "https://second:6443", null)));
            var home = Path.Combine(dir, "home");
            Write(Path.Combine(home, ".kube"), "config", Config("home", ("home", "https://home:6443", null), ("other", "https://other:6443", "ops")));
            var list = string.Join(Path.PathSeparator, Path.Combine(dir, "missing"), first, second);

            Host(explicitFile, null, list, home).Should().Be("https://explicit:6443", "--kubeconfig comes first");
            Host(null, null, list, home).Should().Be("https://first:6443", "then KUBECONFIG (a missing entry skipped), its first file's current context");
            Host(null, "second", list, home).Should().Be("https://second:6443", "the KUBECONFIG files are merged: a context of the second file");
            KubeconfigResolver.Load(null, "first", list, home, inCluster: true).Namespace.Should().Be("from-first", "the first occurrence of a name wins");
            Host(null, null, null, home).Should().Be("https://home:6443", "then ~/.kube/config");
            Host(null, null, Path.Combine(dir, "missing"), home).Should().Be("https://home:6443", "a KUBECONFIG of missing files is skipped");
            KubeconfigResolver.Load(null, "other", null, home, inCluster: false).Namespace.Should().Be("ops", "--context picks another context");
            FluentActions.Invoking(() => Host(null, "nope", null, home)).Should().Throw<Exception>().WithMessage("*nope*");
            FluentActions.Invoking(() => Host(null, null, null, Path.Combine(dir, "nobody"))).Should().Throw<InvalidOperationException>()
                .WithMessage("No Kubernetes configuration found*", "in-cluster comes last, and here is no pod");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        static string? Host(string? explicitPath, string? context, string? variable, string home) =>
            KubeconfigResolver.Load(explicitPath, context, variable, home, inCluster: false).Host;
    }

    private static string Write(string dir, string name, string text)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Config(string current, params (string Name, string Server, string? Namespace)[] contexts) =>
        $"""
        apiVersion: v1
        kind: Config
        current-context: {current}
        clusters:
        {string.Concat(contexts.Select(c => $"- name: {c.Name}\n  cluster:\n    server: {c.Server}\n"))}contexts:
        {string.Concat(contexts.Select(c => $"- name: {c.Name}\n  context:\n    cluster: {c.Name}\n    user: u\n{(c.Namespace is null ? "" : $"    namespace: {c.Namespace}\n")}"))}users:
        - name: u
          user:
            token: t
        """;
}
