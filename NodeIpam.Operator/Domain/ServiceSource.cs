namespace NodeIpam.Operator.Domain;

/// <summary>
/// What a Service says, as the shell's adapter reads it, before any rule is applied: the input of
/// <see cref="ServiceFacts.Create"/>. Only the fields named here are ever read of a Service's metadata and spec.
/// </summary>
/// <param name="Namespace">metadata.namespace.</param>
/// <param name="Name">metadata.name.</param>
/// <param name="Uid">metadata.uid.</param>
/// <param name="BeingDeleted">metadata.deletionTimestamp is set.</param>
/// <param name="Type">spec.type (absent: ClusterIP).</param>
/// <param name="LoadBalancerClass">spec.loadBalancerClass.</param>
/// <param name="ExternalTrafficPolicy">spec.externalTrafficPolicy.</param>
/// <param name="IpFamilies">spec.ipFamilies.</param>
/// <param name="ClusterIp">spec.clusterIP.</param>
/// <param name="ClusterIps">spec.clusterIPs.</param>
/// <param name="Annotations">metadata.annotations (only ours are read).</param>
internal sealed record ServiceSource(
    string Namespace,
    string Name,
    string? Uid,
    bool BeingDeleted,
    string? Type,
    string? LoadBalancerClass,
    string? ExternalTrafficPolicy,
    IReadOnlyList<string>? IpFamilies,
    string? ClusterIp,
    IReadOnlyList<string>? ClusterIps,
    IReadOnlyDictionary<string, string>? Annotations);
