using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary><c>plan</c>: runs the domain on a dump of a cluster and prints the result; never contacts a cluster.</summary>
internal sealed class PlanCommand : ICliCommand
{
    /// <summary>
    /// Most per-node decisions a json or yaml report of every Service may hold (each Service lists every node): about
    /// 1 GB of memory. 2,000 Services on 5,000 nodes would need ten times that; such a dump gets a clear error instead.
    /// </summary>
    public const long MaxReportedDecisions = 1_000_000;

    /// <inheritdoc/>
    public string Name => "plan";

    /// <inheritdoc/>
    public string Summary => "show which addresses each LoadBalancer Service gets from a dump of a cluster, and why";

    /// <inheritdoc/>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (PlanOptions.WantsHelp(args))
        {
            await console.Out.WriteLineAsync(PlanOptions.Usage);
            return ExitCodes.Success;
        }

        var options = PlanOptions.Parse(args);
        var dump = ClusterDumpReader.Read(options.Sources, console.In);
        var results = Plan(dump, options, options.Now ?? console.Time.GetUtcNow());
        if (options.Service is { } wanted && results.Count == 0)
        {
            throw new InputException($"no Service {wanted.Namespace}/{wanted.Name} in the input");
        }

        if (options.Output != PlanOutput.Table && options.Service is null
            && (long)results.Count * dump.Nodes.Count is var decisions && decisions > MaxReportedDecisions)
        {
            throw new InputException(
                $"-o {options.Output.ToString().ToLowerInvariant()} would list every node for every Service ({results.Count} × {dump.Nodes.Count} = {decisions:N0} decisions, more than {MaxReportedDecisions:N0}): use the table output, or --service namespace/name");
        }

        var text = options.Output switch
        {
            PlanOutput.Json => PlanReportWriter.ToJson(PlanReport.From(results)),
            PlanOutput.Yaml => PlanReportWriter.ToYaml(PlanReport.From(results)),
            _ when options.Service is not null => PlanTableWriter.Explain(results[0]),
            _ => PlanTableWriter.Table(results),
        };
        await console.Out.WriteAsync(text);
        return ExitCodes.Success;
    }

    /// <summary>Plans every Service in the dump (or only the one asked for), sorted by namespace then name.</summary>
    internal static IReadOnlyList<(ServiceFacts Service, ServicePlan Plan)> Plan(ClusterDump dump, PlanOptions options, DateTimeOffset now)
    {
        var nodes = dump.Nodes.Select(n => NodeFacts.From(n)).ToList();
        var slices = dump.EndpointSlices.Select(s => EndpointSliceFacts.From(s)).ToList();
        return [.. dump.Services
            .Select(s => ServiceFacts.From(s, options.Management))
            .Where(s => options.Service is not { } only || (s.Namespace == only.Namespace && s.Name == only.Name))
            .OrderBy(s => s.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s, ServicePlanner.Plan(s, nodes, slices, options.Planning, now)))];
    }
}
