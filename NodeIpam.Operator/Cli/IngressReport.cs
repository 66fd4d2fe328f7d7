namespace NodeIpam.Operator.Cli;

/// <summary>One <c>status.loadBalancer.ingress</c> entry.</summary>
/// <param name="Ip">The address.</param>
internal sealed record IngressReport(string Ip);
