using System.CommandLine;
using System.CommandLine.Parsing;
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

    private readonly Option<string[]> filename = new("--filename", "-f")
    {
        HelpName = "FILE|DIR|-",
        Description = "a YAML/JSON file, a directory of them, or - for standard input (repeatable)",
    };

    private readonly Option<bool> manageServicesWithoutClass = new("--manage-services-without-class")
    {
        Description = "also manage LoadBalancer Services that have no loadBalancerClass",
    };

    // A string, not the enum, so that the help shows "[default: table]" as it is typed.
    private readonly Option<string> output = new("--output", "-o")
    {
        HelpName = "table|json|yaml",
        Description = "the output format",
        DefaultValueFactory = _ => "table",
        CustomParser = ParseOutput,
    };

    private readonly Option<string?> service = new("--service")
    {
        HelpName = "NAMESPACE/NAME",
        Description = "only this Service, with the decision for every node",
        CustomParser = ParseService,
    };

    /// <summary>Parses the arguments after <c>plan</c> into options; a wrong command line is a <see cref="UsageException"/>.</summary>
    public static PlanOptions Parse(IReadOnlyList<string> args)
    {
        var command = new PlanCommand();
        return command.Read(CommandLine.ParseOrThrow(command.Build(CliConsole.System), args));
    }

    /// <inheritdoc/>
    public Command Build(CliConsole console)
    {
        var command = new Command(
            "plan",
            "Show which addresses each LoadBalancer Service gets, and why: runs the address selection offline on a dump such as `kubectl get nodes,services,endpointslices -A -o yaml`.")
        {
            filename, manageServicesWithoutClass, output, service,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(filename) is null)
            {
                result.AddError("-f is required (a file, a directory, or - for standard input)");
            }
        });
        command.SetAction((result, cancellationToken) => RunAsync(Read(result), console, cancellationToken));
        return command;
    }

    /// <summary>The options of a parsed command line.</summary>
    public PlanOptions Read(ParseResult result)
    {
        (string, string)? only = result.GetValue(service) is { } key ? (key[..key.IndexOf('/', StringComparison.Ordinal)], key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]) : null;
        return new PlanOptions(
            result.GetValue(filename) ?? [],
            new ManagementOptions(result.GetValue(manageServicesWithoutClass)),
            Enum.Parse<PlanOutput>(result.GetRequiredValue(output), ignoreCase: true),
            only);
    }

    private static async Task<int> RunAsync(PlanOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var dump = ClusterDumpReader.Read(options.Sources, console.In);
        var results = Plan(dump, options);
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
    internal static IReadOnlyList<(ServiceFacts Service, ServicePlan Plan)> Plan(ClusterDump dump, PlanOptions options)
    {
        var nodes = dump.Nodes.Select(n => NodeFacts.From(n)).ToList();
        var slices = dump.EndpointSlices.Select(s => EndpointSliceFacts.From(s)).ToList();
        return [.. dump.Services
            .Select(s => ServiceFacts.From(s, options.Management))
            .Where(s => options.Service is not { } only || (s.Namespace == only.Namespace && s.Name == only.Name))
            .OrderBy(s => s.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s, ServicePlanner.Plan(s, nodes, slices)))];
    }

    private static string ParseOutput(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (text is not ("table" or "json" or "yaml"))
        {
            result.AddError($"unknown output format \"{text}\" (table, json or yaml)");
        }

        return text;
    }

    private static string? ParseService(ArgumentResult result)
    {
        var key = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0)
        {
            result.AddError($"--service takes namespace/name, not \"{key}\"");
            return null;
        }

        return key;
    }
}
