using k8s;

namespace NodeIpam.Runtime.Client;

/// <summary>What the client layer needs to know: where the cluster is and what to call itself.</summary>
/// <param name="Kubeconfig">A kubeconfig file; null resolves as kubectl does (<see cref="KubeconfigResolver"/>).</param>
/// <param name="ClientConfiguration">A ready configuration that overrides the kubeconfig (tests, the playground).</param>
/// <param name="Version">The operator's version, in the User-Agent.</param>
public sealed record ClientSettings(string? Kubeconfig, KubernetesClientConfiguration? ClientConfiguration, string Version);
