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
}
