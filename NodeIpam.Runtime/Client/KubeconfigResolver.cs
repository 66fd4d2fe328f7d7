using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace NodeIpam.Runtime.Client;

/// <summary>
/// Finds the client configuration as kubectl does: an explicit file; else the files in KUBECONFIG (path-separator
/// list; missing ones skipped); else ~/.kube/config; else the in-cluster service account. (controller-runtime's
/// GetConfig tries in-cluster before ~/.kube/config; the difference only shows on a developer machine inside a pod.)
/// </summary>
public static class KubeconfigResolver
{
    /// <summary>The pure decision, from the facts given; throws when there is no configuration at all.</summary>
    internal static KubeconfigChoice Choose(
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

    /// <summary>
    /// Resolves from this process's environment and loads the configuration, with <paramref name="context"/> instead
    /// of the kubeconfig's current context when given.
    /// </summary>
    public static KubernetesClientConfiguration Load(string? explicitPath, string? context = null)
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Load(explicitPath, context, Environment.GetEnvironmentVariable("KUBECONFIG"), home, KubernetesClientConfiguration.IsInCluster());
    }

    /// <summary>Resolves from the facts given (tests) and loads the configuration.</summary>
    internal static KubernetesClientConfiguration Load(string? explicitPath, string? context, string? kubeconfigVariable, string? homeDirectory, bool inCluster) =>
        Load(Choose(explicitPath, kubeconfigVariable, homeDirectory, File.Exists, inCluster), context);

    /// <summary>
    /// Loads the configuration <paramref name="choice"/> points at through KubernetesClient's own configuration building
    /// (relative certificate paths resolved against their file, its context selection and its in-cluster loader); each
    /// file is read by <see cref="KubeconfigFile"/> into the client's model. Only the order is ours, and the merge of a
    /// KUBECONFIG list (the first occurrence of a name wins, as in kubectl): the client merges only inside <see cref="KubernetesClientConfiguration.BuildDefaultConfig"/>,
    /// which has the same order but reads KUBECONFIG itself, fails on a missing entry (kubectl skips it), takes no
    /// context, and falls back to http://localhost:8080 when nothing exists.
    /// </summary>
    internal static KubernetesClientConfiguration Load(KubeconfigChoice choice, string? context = null)
    {
        if (choice.Source == KubeconfigSource.InCluster)
        {
            return context is null
                ? KubernetesClientConfiguration.InClusterConfig()
                : throw new KubeConfigException($"context \"{context}\" was asked for, but there is no kubeconfig (only the in-cluster service account)");
        }

        if (choice.Files.Count == 1)
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(choice.Files[0]), context);
        }

        var files = choice.Files.Select(KubeconfigFile.Load).ToList();
        var merged = new K8SConfiguration
        {
            ApiVersion = files[0].ApiVersion,
            Kind = files[0].Kind,
            CurrentContext = files.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Preferences = files[0].Preferences,
            Clusters = [.. files.SelectMany(f => f.Clusters ?? []).DistinctBy(c => c.Name)],
            Contexts = [.. files.SelectMany(f => f.Contexts ?? []).DistinctBy(c => c.Name)],
            Users = [.. files.SelectMany(f => f.Users ?? []).DistinctBy(u => u.Name)],
        };
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
    }
}
