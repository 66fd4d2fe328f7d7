using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Exceptions;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Runtime.Tests.Client;

public sealed class KubeconfigFileTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("kubeconfig-file-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Builds_the_same_configuration_as_the_clients_own_loader()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=test-ca", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Directory.CreateDirectory(Path.Combine(_dir, "pki"));
        File.WriteAllText(Path.Combine(_dir, "pki", "ca.crt"), certificate.ExportCertificatePem());
        var data = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("not read until a client is made"));
        var file = Path.Combine(_dir, "config");
        File.WriteAllText(file, $$"""
            apiVersion: v1
            kind: Config
            preferences: {colors: true}
            current-context: admin
            clusters:
            - name: lab
              cluster:
                server: https://lab.example:6443
                certificate-authority: pki/ca.crt
                tls-server-name: api.lab
                extensions:
                - name: client.authentication.k8s.io/exec
                  extension: {audience: lab}
            - name: plain
              cluster:
                server: http://127.0.0.1:8080
                insecure-skip-tls-verify: true
            contexts:
            - name: admin
              context: {cluster: lab, user: admin, namespace: ipam}
            - name: exec
              context: {cluster: plain, user: exec}
            - name: basic
              context: {cluster: plain, user: basic}
            users:
            - name: admin
              user:
                client-certificate: pki/admin.crt
                client-key: pki/admin.key
                unknown-field: ignored
            - name: exec
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: get-token
                  args: [--cluster, lab]
                  env: [{name: A, value: b}]
                  interactiveMode: Never
            - name: basic
              user: {username: ada, password: lovelace, client-certificate-data: {{data}}, client-key-data: {{data}}}
            """);

        // Every field of the model read, exec and extensions included (building a configuration would run the exec).
        System.Text.Json.JsonSerializer.Serialize(KubeconfigFile.Load(file))
            .Should().Be(System.Text.Json.JsonSerializer.Serialize(KubernetesClientConfiguration.LoadKubeConfig(file)));
        foreach (var context in new[] { "admin", "basic" })
        {
            var ours = KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(file), context);
            var theirs = KubernetesClientConfiguration.BuildConfigFromConfigFile(file, context);
            Describe(ours).Should().Be(Describe(theirs), $"context {context}");
        }

        Describe(KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(file)))
            .Should().Contain("https://lab.example:6443").And.Contain(Path.Combine(_dir, "pki", "admin.crt"), "relative paths resolve against the file");
    }

    [Test]
    public void A_file_that_is_not_yaml_names_the_file_and_the_line()
    {
        var file = Path.Combine(_dir, "broken");
        File.WriteAllText(file, "apiVersion: v1\nclusters:\n- name: [unclosed\n");

        FluentActions.Invoking(() => KubeconfigFile.Load(file)).Should().Throw<KubeConfigException>()
            .WithMessage($"kubeconfig {file}: line *");
    }

    [Test]
    public void A_missing_file_is_a_kubeconfig_error()
    {
        var file = Path.Combine(_dir, "absent");

        FluentActions.Invoking(() => KubeconfigFile.Load(file)).Should().Throw<KubeConfigException>().WithMessage($"*{file}*");
    }

    [Test]
    public void An_empty_file_is_an_empty_configuration()
    {
        var file = Path.Combine(_dir, "empty");
        File.WriteAllText(file, "");

        var configuration = KubeconfigFile.Load(file);

        configuration.Clusters.Should().BeNullOrEmpty();
        configuration.FileName.Should().Be(file);
    }

    private static string Describe(KubernetesClientConfiguration c) => string.Join('\n',
        c.Host, c.Namespace, c.CurrentContext, c.AccessToken, c.Username, c.Password, c.SkipTlsVerify, c.TlsServerName,
        c.ClientCertificateData, c.ClientCertificateKeyData, c.ClientCertificateFilePath, c.ClientKeyFilePath,
        string.Join(' ', c.SslCaCerts?.Cast<X509Certificate2>().Select(x => x.Thumbprint) ?? []));
}
