using k8s.Models;
using NodeIpam.Operator.Cli;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Operator.Tests.Cli;

/// <summary><c>plan</c> without <c>-f</c>, in-process against the simulator: paging, namespaces, read-only.</summary>
public sealed class LivePlanTests
{
    [Test]
    public async Task Reads_every_page_of_a_large_LIST()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        const int nodes = (LiveClusterReader.PageSize * 2) + 3;
        for (var i = 0; i < nodes; i++)
        {
            simulator.Store.Create(new V1Node
            {
                Metadata = new V1ObjectMeta { Name = $"n{i}" },
                Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Type = "InternalIP", Address = $"10.0.{i / 250}.{(i % 250) + 1}" }] },
            });
        }

        simulator.Store.Create(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
            Spec = new V1ServiceSpec { Type = "LoadBalancer", LoadBalancerClass = WellKnown.LoadBalancerClass, Ports = [new V1ServicePort { Port = 80 }] },
        });
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("nodeipam-live-").FullName, "kubeconfig");
        simulator.WriteKubeconfig(kubeconfig);
        simulator.Requests.Reset();

        var (code, output, error) = await CliRunner.RunAsync("plan", "--kubeconfig", kubeconfig);

        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain($"default/web   yes       ").And.Contain($"{nodes} of {nodes} nodes selected");
        simulator.Requests.Count(verb: "list", resource: "nodes").Should().Be(3, "1,003 nodes in pages of 500");
        simulator.Requests.Count().Should().Be(simulator.Requests.Count(verb: "list"), "read-only: LISTs only");
    }

    [Test]
    public async Task A_missing_kubeconfig_is_one_line_and_exit_1()
    {
        var (code, _, error) = await CliRunner.RunAsync("plan", "--kubeconfig", "/nonexistent/kubeconfig");

        code.Should().Be(1);
        error.Should().StartWith("error: cannot load the Kubernetes configuration:").And.Contain("/nonexistent/kubeconfig");
        error.TrimEnd('\n').Should().NotContain("\n");
    }
}
