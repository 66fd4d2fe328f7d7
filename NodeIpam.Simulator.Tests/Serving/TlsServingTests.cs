using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;

namespace NodeIpam.Simulator.Tests.Serving;

/// <summary>
/// <see cref="SimulatorOptions.Tls"/>: HTTPS with a self-signed certificate that the written kubeconfig (and only it)
/// makes clients trust, HTTP/2 by ALPN as kube-apiserver.
/// </summary>
public sealed class TlsServingTests
{
    private KubeApiSimulator _sim = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync(new SimulatorOptions { Tls = true });
        _dir = Directory.CreateTempSubdirectory("sim-tls-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _sim.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Kubeconfig(KubeApiSimulator simulator)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.kubeconfig");
        simulator.WriteKubeconfig(path);
        return path;
    }

    [Test]
    public void The_server_is_https_and_the_kubeconfig_carries_its_certificate_as_the_authority()
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig(_sim));

        _sim.BaseAddress.Scheme.Should().Be("https");
        _sim.ServingCertificate!.HasPrivateKey.Should().BeFalse("the public certificate is what clients get");
        config.Host.Should().Be(_sim.BaseAddress.ToString().TrimEnd('/'));
        config.SslCaCerts.Should().ContainSingle().Which.RawData.Should().Equal(_sim.ServingCertificate.RawData);
        var names = _sim.ServingCertificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateIPAddresses().Should().Equal(IPAddress.Loopback);
        names.EnumerateDnsNames().Should().Equal("localhost");
    }

    [Test]
    public async Task A_client_built_from_the_kubeconfig_lists_over_http2_and_watches()
    {
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig(_sim)));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var list = await client.CoreV1.ListNodeWithHttpMessagesAsync(cancellationToken: cts.Token);
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Task.Run(
            async () =>
            {
                await foreach (var (type, node) in client.CoreV1.WatchListNodeAsync(resourceVersion: list.Body.Metadata.ResourceVersion, cancellationToken: cts.Token))
                {
                    arrived.TrySetResult($"{type} {node.Metadata.Name}");
                    return;
                }
            },
            cts.Token);

        _sim.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "over-tls" } });

        (await arrived.Task.WaitAsync(cts.Token)).Should().Be("Added over-tls");
        await watch;
        list.Response.Version.Should().Be(HttpVersion.Version20, "KubernetesClient asks for HTTP/2 and the server offers it by ALPN");
    }

    [Test]
    public async Task The_in_process_client_configuration_trusts_the_certificate()
    {
        using var client = new Kubernetes(_sim.ClientConfiguration());

        var namespaces = await client.CoreV1.ListNamespaceAsync();

        namespaces.Items.Should().Contain(n => n.Metadata.Name == "kube-system");
    }

    [Test]
    public async Task The_handler_of_the_simulator_trusts_its_certificate_for_http1_and_http2()
    {
        using var http = new HttpClient(_sim.CreateHttpHandler()) { BaseAddress = _sim.BaseAddress };
        using var http1 = await http.GetAsync(new Uri("version", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("version", UriKind.Relative)) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var http2 = await http.SendAsync(request);

        http1.StatusCode.Should().Be(HttpStatusCode.OK);
        http1.Version.Should().Be(HttpVersion.Version11);
        http2.StatusCode.Should().Be(HttpStatusCode.OK);
        http2.Version.Should().Be(HttpVersion.Version20);
    }

    [Test]
    public async Task A_client_that_does_not_trust_the_certificate_fails_the_handshake()
    {
        using var http = new HttpClient { BaseAddress = _sim.BaseAddress };

        var act = () => http.GetAsync(new Uri("version", UriKind.Relative));

        (await act.Should().ThrowAsync<HttpRequestException>()).WithInnerException<AuthenticationException>();
    }

    [Test]
    public async Task A_kubeconfig_with_another_simulators_certificate_is_refused()
    {
        await using var other = await KubeApiSimulator.StartAsync(new SimulatorOptions { Tls = true });
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig(other));
        config.Host = _sim.BaseAddress.ToString().TrimEnd('/');
        using var client = new Kubernetes(config);

        var act = () => client.CoreV1.ListNodeAsync();

        (await act.Should().ThrowAsync<HttpRequestException>()).WithInnerException<AuthenticationException>();
    }

    [Test]
    public async Task Plain_http_stays_the_default_without_a_certificate()
    {
        await using var plain = await KubeApiSimulator.StartAsync();

        plain.BaseAddress.Scheme.Should().Be("http");
        plain.ServingCertificate.Should().BeNull();
        (await File.ReadAllTextAsync(Kubeconfig(plain))).Should().NotContain("certificate-authority");
    }
}
