using k8s.Models;

namespace NodeIpam.Simulator.Tests.Kubectl;

/// <summary>
/// Real kubectl against a TLS simulator: the written kubeconfig's certificate-authority-data is all it needs to trust
/// the server (Go's verifier, not .NET's), and without it the handshake is refused.
/// </summary>
public sealed class KubectlTlsTests
{
    private KubeApiSimulator _sim = null!;
    private Support.Kubectl _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sim = await KubeApiSimulator.StartAsync(new SimulatorOptions { Tls = true });
        _kubectl = new Support.Kubectl(_sim);
        _sim.Store.Create(new V1Node { Metadata = new V1ObjectMeta { Name = "tls-worker" } });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl.Dispose();
        await _sim.DisposeAsync();
    }

    [Test]
    public async Task Get_nodes_works_over_https_with_the_kubeconfigs_authority()
    {
        var table = await _kubectl.OkAsync("get", "nodes");

        table.Should().Contain("tls-worker");
    }

    [Test]
    public async Task Without_the_authority_kubectl_refuses_the_certificate()
    {
        var lines = (await File.ReadAllLinesAsync(_kubectl.Kubeconfig)).Where(l => !l.Contains("certificate-authority-data", StringComparison.Ordinal));
        var untrusting = _kubectl.WriteFile("untrusting.kubeconfig", string.Join('\n', lines));

        // A second --kubeconfig overrides the one the runner puts first.
        var (exit, _, error) = await _kubectl.RunAsync("--kubeconfig", untrusting, "get", "nodes");

        exit.Should().NotBe(0);
        error.Should().Contain("certificate signed by unknown authority");
    }
}
