using System.CommandLine;
using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodeIpam.Operator.Hosting;
using NodeIpam.Runtime.Health;
using NodeIpam.Runtime.Hosting;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// <c>run</c>: the operator itself. Watches the cluster and keeps the load-balancer status of every managed Service up
/// to date until stopped (SIGTERM, Ctrl+C). Exits 1 when it loses leadership (the restart rejoins the election) or
/// cannot load its Kubernetes configuration; an unreachable API server is logged and retried, not fatal.
/// </summary>
internal sealed class RunCommand : ICliCommand
{
    private static readonly RunOptions Defaults = new();

    private readonly Option<string?> kubeconfig = SharedOptions.Kubeconfig();

    private readonly Option<bool> manageServicesWithoutClass = SharedOptions.ManageServicesWithoutClass();

    private readonly Option<bool> leaderElect =
        CliValues.Flag("--leader-elect", $"only the holder of the Lease {RunOptions.LeaseName} writes (use with replicas > 1)");

    private readonly Option<bool> excludeNotReadyNodes = CliValues.Flag(
        "--exclude-not-ready-nodes",
        $"leave out nodes whose Ready condition is False or Unknown for longer than the grace (default: keep them, as Cilium does; the Service annotation {Domain.WellKnown.ExcludeNotReadyNodesAnnotation} overrides it)");

    private readonly Option<TimeSpan?> notReadyGrace = SharedOptions.NotReadyGrace();

    private readonly Option<bool> metricsSecure = CliValues.Flag(
        "--metrics-secure",
        "/metrics over HTTPS, each scrape's token checked with a TokenReview and a SubjectAccessReview (false: plain HTTP, open to anyone)",
        defaultValue: Defaults.MetricsSecure);

    private readonly Option<string?> metricsCertDir = new("--metrics-cert-dir")
    {
        HelpName = "DIR",
        Description = "tls.crt and tls.key for /metrics, reloaded when they change (default: self-signed)",
    };

    private readonly Option<string?> leaderElectionNamespace = new("--leader-election-namespace")
    {
        HelpName = "NS",
        Description = $"namespace of that Lease (default: {RunOptions.PodNamespaceVariable}, then the pod's own namespace)",
    };

    private readonly Option<int> workers = new("--workers")
    {
        HelpName = "N",
        Description = $"Services reconciled in parallel, 1-{RunOptions.MaxWorkers}",
        DefaultValueFactory = _ => RunOptions.DefaultWorkers,
        CustomParser = CliValues.WholeNumber,
    };

    private readonly Option<string> healthProbeBindAddress = new("--health-probe-bind-address")
    {
        HelpName = "ADDR",
        Description = "/healthz and /readyz, host:port or :port, \"0\" disables",
        DefaultValueFactory = _ => Defaults.HealthProbeBindAddress,
    };

    private readonly Option<string> metricsBindAddress = new("--metrics-bind-address")
    {
        HelpName = "ADDR",
        Description = "/metrics, same syntax",
        DefaultValueFactory = _ => Defaults.MetricsBindAddress,
    };

    /// <summary>Parses the arguments after <c>run</c> into options; a wrong command line is a <see cref="UsageException"/>.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var command = new RunCommand();
        return command.Read(CommandLine.ParseOrThrow(command.Build(CliConsole.System), args));
    }

    /// <inheritdoc/>
    public Command Build(CliConsole console)
    {
        var command = new Command(
            "run",
            "Run the operator: watch the cluster and keep status.loadBalancer.ingress of every managed LoadBalancer Service equal to the addresses of its nodes. Logs are JSON when standard output is not a terminal.")
        {
            kubeconfig, manageServicesWithoutClass, leaderElect, leaderElectionNamespace, excludeNotReadyNodes, notReadyGrace, workers,
            healthProbeBindAddress, metricsBindAddress, metricsSecure, metricsCertDir,
        };
        command.SetAction((result, cancellationToken) => RunAsync(Read(result), cancellationToken));
        return command;
    }

    /// <summary>The options of a parsed command line.</summary>
    public RunOptions Read(ParseResult result) => new()
    {
        ExcludeNotReadyNodes = result.GetValue(excludeNotReadyNodes),
        NotReadyGrace = result.GetValue(notReadyGrace) ?? Defaults.NotReadyGrace,
        Kubeconfig = result.GetValue(kubeconfig),
        ManageServicesWithoutClass = result.GetValue(manageServicesWithoutClass),
        LeaderElect = result.GetValue(leaderElect),
        LeaderElectionNamespace = result.GetValue(leaderElectionNamespace),
        Workers = result.GetValue(workers),
        HealthProbeBindAddress = result.GetRequiredValue(healthProbeBindAddress),
        MetricsBindAddress = result.GetRequiredValue(metricsBindAddress),
        MetricsSecure = result.GetValue(metricsSecure),
        MetricsCertDir = result.GetValue(metricsCertDir),
    };

    private static async Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
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
