using k8s;
using k8s.Exceptions;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Hosting;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Operator.Cli;

/// <summary>What <c>plan</c> does once its command line is right: read the objects (files or cluster), plan, print.</summary>
internal static class PlanRun
{
    /// <summary>
    /// Most per-node decisions a json or yaml report of every Service may hold (each Service lists every node): about
    /// 1 GB of memory. 2,000 Services on 5,000 nodes would need ten times that; such a dump gets a clear error instead.
    /// </summary>
    public const long MaxReportedDecisions = 1_000_000;

    /// <summary>Runs the plan; returns the exit code. Unreadable input or an unreachable cluster is an <see cref="InputException"/>.</summary>
    public static async Task<int> RunAsync(PlanOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var (dump, scope, source) = options.Offline
            ? (ClusterDumpReader.Read(options.Sources, console.In), OfflineScope(options), "the input")
            : await ReadClusterAsync(options, cancellationToken);
        var results = Plan(dump, options.Management, scope, options.Planning, options.Now ?? console.Time.GetUtcNow());
        if (scope.Name is not null && results.Count == 0)
        {
            throw new InputException($"no Service {scope.Namespace}/{scope.Name} in {source}");
        }

        if (options.Output != PlanOutput.Table && scope.Name is null
            && (long)results.Count * dump.Nodes.Count is var decisions && decisions > MaxReportedDecisions)
        {
            throw new InputException(
                $"-o {options.Output.ToString().ToLowerInvariant()} would list every node for every Service ({results.Count} × {dump.Nodes.Count} = {decisions:N0} decisions, more than {MaxReportedDecisions:N0}): use the table output, or --service namespace/name");
        }

        var text = options.Output switch
        {
            PlanOutput.Json => PlanReportWriter.ToJson(PlanReport.From(results)),
            PlanOutput.Yaml => PlanReportWriter.ToYaml(PlanReport.From(results)),
            _ when scope.Name is not null => PlanTableWriter.Explain(results[0]),
            _ => PlanTableWriter.Table(results),
        };
        await console.Out.WriteAsync(text);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Plans every Service of the dump within <paramref name="scope"/>, sorted by namespace then name; NotReady graces
    /// are measured at <paramref name="now"/>.
    /// </summary>
    internal static IReadOnlyList<(ServiceFacts Service, ServicePlan Plan)> Plan(
        ClusterDump dump, ManagementOptions management, PlanScope scope, PlanningOptions planning, DateTimeOffset now)
    {
        var nodes = dump.Nodes.Select(n => NodeAdapter.From(n)).ToList();
        var slices = dump.EndpointSlices.Select(s => EndpointSliceAdapter.From(s)).ToList();
        return [.. dump.Services
            .Select(s => ServiceAdapter.Facts(s, management))
            .Where(s => (scope.Namespace is null || s.Namespace == scope.Namespace) && (scope.Name is null || s.Name == scope.Name))
            .OrderBy(s => s.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s, ServicePlanner.Plan(s, nodes, slices, planning, now)))];
    }

    /// <summary>A dump holds what its author chose: every namespace unless -n (or a NAME, looked up in "default") narrows it.</summary>
    private static PlanScope OfflineScope(PlanOptions options) =>
        new(options.Namespace ?? (options.Name is null ? null : PlanOptions.DefaultNamespace), options.Name);

    private static async Task<(ClusterDump Dump, PlanScope Scope, string Source)> ReadClusterAsync(PlanOptions options, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubeconfigResolver.Load(options.Kubeconfig, options.Context);
        }
        catch (Exception e) when (e is KubeConfigException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot load the Kubernetes configuration: {OneLineConsoleFormatter.Describe(e)}", e);
        }

        // As kubectl: -A, else -n, else the context's namespace, else "default".
        var scope = new PlanScope(
            options.AllNamespaces ? null : options.Namespace ?? (string.IsNullOrEmpty(configuration.Namespace) ? PlanOptions.DefaultNamespace : configuration.Namespace),
            options.Name);
        using var client = new Kubernetes(configuration);
        var dump = await LiveClusterReader.ReadAsync(client, scope.Namespace, scope.Name, cancellationToken);
        return (dump, scope, $"the cluster at {configuration.Host}");
    }
}
