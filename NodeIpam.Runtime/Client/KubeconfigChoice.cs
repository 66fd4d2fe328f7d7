namespace NodeIpam.Runtime.Client;

/// <summary>The configuration source chosen by <see cref="KubeconfigResolver"/>, with its files (none in-cluster).</summary>
internal sealed record KubeconfigChoice(KubeconfigSource Source, IReadOnlyList<string> Files);
