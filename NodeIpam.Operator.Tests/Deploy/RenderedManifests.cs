using System.Diagnostics;
using k8s;
using NodeIpam.Operator.Tests.Support;

namespace NodeIpam.Operator.Tests.Deploy;

/// <summary>What <c>kubectl kustomize config/default</c> renders, parsed into KubernetesClient models, once per run.</summary>
internal static class RenderedManifests
{
    private static readonly Lazy<IReadOnlyList<object>> Objects = new(Render);

    public static IReadOnlyList<object> All => Objects.Value;

    public static T Single<T>() => All.OfType<T>().Should().ContainSingle().Subject;

    private static List<object> Render()
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Repository.PathOf("config", "default")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = kubectl.StandardOutput.ReadToEndAsync();
        var stderr = kubectl.StandardError.ReadToEnd();
        kubectl.WaitForExit();
        if (kubectl.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize config/default failed: {stderr}");
        }

        return KubernetesYaml.LoadAllFromString(stdout.Result);
    }
}
