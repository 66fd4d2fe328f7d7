using System.Globalization;
using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodeIpam.Operator.Hosting;
using NodeIpam.Runtime.Hosting;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// <c>run</c>: the operator itself. Watches the cluster and keeps the load-balancer status of every managed Service up
/// to date until stopped (SIGTERM, Ctrl+C). Exits 1 when it loses leadership (the restart rejoins the election) or
/// cannot load its Kubernetes configuration; an unreachable API server is logged and retried, not fatal.
/// </summary>
internal sealed class RunCommand : ICliCommand
{
    private static readonly HashSet<string> ValueOptions =
        ["--kubeconfig", "--leader-election-namespace", "--workers", "--health-probe-bind-address", "--metrics-bind-address", "--metrics-cert-dir", "--not-ready-grace"];

    private static readonly HashSet<string> Flags = ["--manage-services-without-class", "--leader-elect", "--metrics-secure", "--exclude-not-ready-nodes", "-h", "--help"];

    /// <summary>The usage text.</summary>
    public static string Usage { get; } =
        $"""
        Usage: NodeIpam.Operator run [--kubeconfig PATH] [--manage-services-without-class] [--leader-elect]
                                     [--leader-election-namespace NS] [--workers N]
                                     [--health-probe-bind-address ADDR] [--metrics-bind-address ADDR]
                                     [--metrics-secure[=true|false]] [--metrics-cert-dir DIR]
                                     [--exclude-not-ready-nodes] [--not-ready-grace DURATION]

        Watches the cluster and keeps status.loadBalancer.ingress of every managed LoadBalancer Service equal to the
        addresses of its nodes. Logs are JSON when standard output is not a terminal.

          --kubeconfig PATH        kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)
          --manage-services-without-class
                                   also manage LoadBalancer Services that have no loadBalancerClass
          --leader-elect           only the holder of the Lease {RunOptions.LeaseName} writes (use with replicas > 1)
          --leader-election-namespace NS
                                   namespace of that Lease (default: {RunOptions.PodNamespaceVariable}, then the pod's own namespace)
          --exclude-not-ready-nodes
                                   leave out nodes whose Ready condition is False or Unknown for longer than the grace
                                   (default: keep them, as Cilium does; the Service annotation
                                   {Domain.WellKnown.ExcludeNotReadyNodesAnnotation} overrides it)
          --not-ready-grace DURATION
                                   how long a node may be NotReady before it is left out, e.g. 40s, 2m, 1h30m
                                   (default {Domain.NotReadyRule.FormatGrace(Domain.PlanningOptions.DefaultNotReadyGrace)})
          --workers N              Services reconciled in parallel (default {RunOptions.DefaultWorkers})
          --health-probe-bind-address ADDR
                                   /healthz and /readyz, host:port or :port, "0" disables (default {new RunOptions().HealthProbeBindAddress})
          --metrics-bind-address ADDR
                                   /metrics, same syntax (default {new RunOptions().MetricsBindAddress})
          --metrics-secure[=true|false]
                                   /metrics over HTTPS, each scrape's token checked with a TokenReview and a
                                   SubjectAccessReview (default true; false: plain HTTP, open to anyone)
          --metrics-cert-dir DIR   tls.crt and tls.key for /metrics, reloaded when they change (default: self-signed)
        """;

    /// <inheritdoc/>
    public string Name => "run";

    /// <inheritdoc/>
    public string Summary => "run the operator: keep the managed Services' load-balancer addresses up to date";

    /// <summary>Parses the arguments into options; a wrong command line is a <see cref="UsageException"/>.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = ParsedArguments.Parse(args, ValueOptions, Flags);
        var defaults = new RunOptions();
        var workers = defaults.Workers;
        if (parsed.Last("--workers") is { } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out workers))
        {
            throw new UsageException($"--workers takes a whole number, not \"{text}\"");
        }

        var grace = parsed.Last("--not-ready-grace") is { } duration ? GoDuration.Parse("--not-ready-grace", duration) : defaults.NotReadyGrace;
        return new RunOptions
        {
            ExcludeNotReadyNodes = parsed.Flag("--exclude-not-ready-nodes"),
            NotReadyGrace = grace,
            Kubeconfig = parsed.Last("--kubeconfig"),
            ManageServicesWithoutClass = parsed.Flag("--manage-services-without-class"),
            LeaderElect = parsed.Flag("--leader-elect"),
            LeaderElectionNamespace = parsed.Last("--leader-election-namespace"),
            Workers = workers,
            HealthProbeBindAddress = parsed.Last("--health-probe-bind-address") ?? defaults.HealthProbeBindAddress,
            MetricsBindAddress = parsed.Last("--metrics-bind-address") ?? defaults.MetricsBindAddress,
            MetricsSecure = parsed.Flag("--metrics-secure", defaults.MetricsSecure),
            MetricsCertDir = parsed.Last("--metrics-cert-dir"),
        };
    }

    /// <inheritdoc/>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await console.Out.WriteLineAsync(Usage);
            return ExitCodes.Success;
        }

        var options = Parse(args);
        Runtime.Hosting.OperatorSettings settings;
        try
        {
            settings = options.ToSettings();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }

        var json = Console.IsOutputRedirected;
        using var host = OperatorHost.Build(options, settings, logging => logging.AddOperatorConsole(json));
        try
        {
            // Resolving the client loads the configuration: fail now, in one line, rather than inside a hosted service.
            _ = host.Services.GetRequiredService<IKubernetes>();
        }
        catch (Exception e) when (e is KubeConfigException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot load the Kubernetes configuration: {OneLineConsoleFormatter.Describe(e)}", e);
        }

        try
        {
            // Bind the probe and metrics ports now: a busy port is one line and exit 1, not a failed host start.
            await host.Services.StartEndpointsAsync(cancellationToken);
        }
        catch (EndpointStartException e)
        {
            throw new InputException(e.Message, e);
        }

        Environment.ExitCode = ExitCodes.Success;
        await host.RunAsync(cancellationToken);

        // Leadership loss sets the process exit code before stopping the host (see the runtime's LeaderElectionService).
        return Environment.ExitCode == ExitCodes.Success ? ExitCodes.Success : ExitCodes.Failure;
    }
}
