using System.Diagnostics;
using k8s.Models;
using NodeIpam.Operator.Tests.Support;
using NodeIpam.Simulator;

namespace NodeIpam.Operator.Tests.Deploy;

/// <summary>
/// <c>make deploy</c> and <c>make undeploy</c> exactly as a user runs them, with real kubectl, against the API
/// simulator (the objects are stored, not run): the manifests apply cleanly and are removed again.
/// </summary>
public sealed class MakeDeployTests
{
    private const string Image = "registry.example.com:5000/team/nodeipam-operator:v1.2.3";

    [Test]
    public async Task Deploy_applies_every_manifest_with_the_image_and_undeploy_removes_them()
    {
        await using var simulator = await KubeApiSimulator.StartAsync();
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("nodeipam-deploy-").FullName, "kubeconfig");
        simulator.WriteKubeconfig(kubeconfig);

        var deploy = await MakeAsync(kubeconfig, "deploy", $"IMG={Image}");

        deploy.Code.Should().Be(0, deploy.Output);
        var deployment = simulator.Store.Get<V1Deployment>("nodeipam-controller-manager", "nodeipam-system");
        deployment.Should().NotBeNull(deploy.Output);
        deployment!.Spec.Template.Spec.Containers.Should().ContainSingle().Which.Image.Should().Be(Image);
        simulator.Store.Get<V1ClusterRole>("nodeipam-manager-role").Should().NotBeNull();
        simulator.Store.Get<V1ClusterRoleBinding>("nodeipam-manager-rolebinding").Should().NotBeNull();
        simulator.Store.Get<V1Role>("nodeipam-leader-election-role", "nodeipam-system").Should().NotBeNull();
        simulator.Store.Get<V1ServiceAccount>("nodeipam-controller-manager", "nodeipam-system").Should().NotBeNull();

        var redeploy = await MakeAsync(kubeconfig, "deploy", $"IMG={Image}");
        redeploy.Code.Should().Be(0, redeploy.Output);
        redeploy.Output.Should().Contain("deployment.apps/nodeipam-controller-manager unchanged");

        var undeploy = await MakeAsync(kubeconfig, "undeploy");

        undeploy.Code.Should().Be(0, undeploy.Output);
        simulator.Store.Get<V1Deployment>("nodeipam-controller-manager", "nodeipam-system").Should().BeNull();
        simulator.Store.Get<V1ClusterRole>("nodeipam-manager-role").Should().BeNull();
        simulator.Store.Get<V1ClusterRoleBinding>("nodeipam-manager-rolebinding").Should().BeNull();
    }

    private static async Task<(int Code, string Output)> MakeAsync(string kubeconfig, params string[] args)
    {
        var start = new ProcessStartInfo("make", ["-s", "-C", Repository.Root, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["KUBECONFIG"] = kubeconfig },
        };
        using var make = Process.Start(start) ?? throw new InvalidOperationException("make did not start");
        var stdout = make.StandardOutput.ReadToEndAsync();
        var stderr = make.StandardError.ReadToEndAsync();
        await make.WaitForExitAsync();
        return (make.ExitCode, await stdout + await stderr);
    }
}
