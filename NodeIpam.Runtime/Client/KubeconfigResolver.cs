using k8s;

namespace NodeIpam.Runtime.Client;

/// <summary>
/// Finds the client configuration as kubectl does: an explicit file; else the files in KUBECONFIG (path-separator
/// list; missing ones skipped); else ~/.kube/config; else the in-cluster service account. (controller-runtime's
/// GetConfig tries in-cluster before ~/.kube/config; the difference only shows on a developer machine inside a pod.)
/// </summary>
internal static class KubeconfigResolver
{
    /// <summary>The pure decision, from the facts given; throws when there is no configuration at all.</summary>
    public static KubeconfigChoice Choose(
        string? explicitPath,
        string? kubeconfigVariable,
        string? homeDirectory,
        Func<string, bool> fileExists,
        bool inCluster)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new KubeconfigChoice(KubeconfigSource.ExplicitFile, [explicitPath]);
        }

        if (!string.IsNullOrWhiteSpace(kubeconfigVariable))
        {
            var files = kubeconfigVariable
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(fileExists)
                .ToList();
            if (files.Count > 0)
            {
                return new KubeconfigChoice(KubeconfigSource.EnvironmentFiles, files);
            }
        }

        if (!string.IsNullOrEmpty(homeDirectory))
        {
            var home = Path.Combine(homeDirectory, ".kube", "config");
            if (fileExists(home))
            {
                return new KubeconfigChoice(KubeconfigSource.HomeFile, [home]);
            }
        }

        if (inCluster)
        {
            return new KubeconfigChoice(KubeconfigSource.InCluster, []);
        }

        throw new InvalidOperationException(
            "No Kubernetes configuration found: pass a kubeconfig file, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account.");
    }

    /// <summary>Resolves from this process's environment and loads the configuration.</summary>
    public static KubernetesClientConfiguration Load(string? explicitPath)
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        var choice = Choose(
            explicitPath,
            Environment.GetEnvironmentVariable("KUBECONFIG"),
            home,
            File.Exists,
            KubernetesClientConfiguration.IsInCluster());
        return Load(choice);
    }

    /// <summary>Loads the configuration <paramref name="choice"/> points at (current context of the kubeconfig).</summary>
    public static KubernetesClientConfiguration Load(KubeconfigChoice choice) => choice.Source switch
    {
        KubeconfigSource.InCluster => KubernetesClientConfiguration.InClusterConfig(),
        // KubernetesClient merges a KUBECONFIG list itself (first occurrence wins, as kubectl) but exposes the merge
        // only through its default loader, which reads the same variable.
        KubeconfigSource.EnvironmentFiles when choice.Files.Count > 1 => KubernetesClientConfiguration.BuildDefaultConfig(),
        _ => KubernetesClientConfiguration.BuildConfigFromConfigFile(choice.Files[0]),
    };
}
