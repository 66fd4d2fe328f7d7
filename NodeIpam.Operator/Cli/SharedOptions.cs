using System.CommandLine;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>The options <c>run</c> and <c>plan</c> both take, defined once so that their names, parsing and help stay in step.</summary>
internal static class SharedOptions
{
    /// <summary>--kubeconfig PATH.</summary>
    public static Option<string?> Kubeconfig() => new("--kubeconfig")
    {
        HelpName = "PATH",
        Description = "kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)",
    };

    /// <summary>--manage-services-without-class.</summary>
    public static Option<bool> ManageServicesWithoutClass() =>
        CliValues.Flag("--manage-services-without-class", "also manage LoadBalancer Services that have no loadBalancerClass");

    /// <summary>--not-ready-grace DURATION (Kubernetes durations).</summary>
    public static Option<TimeSpan?> NotReadyGrace() => new("--not-ready-grace")
    {
        HelpName = "DURATION",
        Description = $"how long a node may be NotReady before it is left out, e.g. 40s, 2m, 1h30m (default {NotReadyRule.FormatGrace(PlanningOptions.DefaultNotReadyGrace)})",
        CustomParser = result => CliValues.Duration(result),
    };
}
