namespace NodeIpam.Operator.Domain;

/// <summary>Which Services the operator considers its own.</summary>
/// <param name="ManageServicesWithoutClass">
/// Also manage LoadBalancer Services that have no <c>spec.loadBalancerClass</c>. Off by default because a cluster
/// may run another load-balancer implementation that owns those.
/// </param>
internal sealed record ManagementOptions(bool ManageServicesWithoutClass = false)
{
    /// <summary>The default: only Services with our class.</summary>
    public static ManagementOptions Default { get; } = new();
}
