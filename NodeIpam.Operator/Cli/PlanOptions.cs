using System.Globalization;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>The <c>plan</c> command's validated options.</summary>
/// <param name="Sources">Files, directories or "-" for standard input; at least one.</param>
/// <param name="Management">Which Services count as ours.</param>
/// <param name="Output">The output format.</param>
/// <param name="Service">Only this Service (namespace/name), with the full explanation; null for all.</param>
internal sealed record PlanOptions(IReadOnlyList<string> Sources, ManagementOptions Management, PlanOutput Output, (string Namespace, string Name)? Service)
{
    private static readonly HashSet<string> ValueOptions = ["-f", "--filename", "-o", "--output", "--service", "--now", "--not-ready-grace"];
    private static readonly HashSet<string> Flags = ["--manage-services-without-class", "--exclude-not-ready-nodes", "-h", "--help"];

    /// <summary>The usage text.</summary>
    public const string Usage =
        """
        Usage: NodeIpam.Operator plan -f <file|dir|-> [-f ...] [--manage-services-without-class] [-o table|json|yaml] [--service namespace/name]
                                      [--exclude-not-ready-nodes] [--not-ready-grace DURATION] [--now TIME]

        Runs the address selection offline on a dump such as `kubectl get nodes,services,endpointslices -A -o yaml`
        and prints, for every Service, whether it is managed, its addresses and why.

          -f, --filename       a YAML/JSON file, a directory of them, or - for standard input (repeatable)
          --manage-services-without-class
                               also manage LoadBalancer Services that have no loadBalancerClass
          -o, --output         table (default), json or yaml
          --service            only this Service, with the decision for every node
          --exclude-not-ready-nodes, --not-ready-grace DURATION
                               the NotReady rule, as run takes it
          --now                the instant NotReady graces are measured at, RFC 3339 (default: the current time)
        """;

    /// <summary>The NotReady rule (--exclude-not-ready-nodes, --not-ready-grace).</summary>
    public PlanningOptions Planning { get; init; } = PlanningOptions.Default;

    /// <summary>--now; null: the current time.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>True when help was asked for.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    /// <summary>Parses and validates; a wrong command line is a <see cref="UsageException"/>.</summary>
    public static PlanOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = ParsedArguments.Parse(args, ValueOptions, Flags);
        var sources = parsed.All("-f", "--filename");
        if (sources.Count == 0)
        {
            throw new UsageException("-f is required (a file, a directory, or - for standard input)");
        }

        var output = parsed.Last("-o", "--output") switch
        {
            null or "table" => PlanOutput.Table,
            "json" => PlanOutput.Json,
            "yaml" => PlanOutput.Yaml,
            var other => throw new UsageException($"unknown output format \"{other}\" (table, json or yaml)"),
        };

        (string, string)? service = null;
        if (parsed.Last("--service") is { } key)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0)
            {
                throw new UsageException($"--service takes namespace/name, not \"{key}\"");
            }

            service = (key[..slash], key[(slash + 1)..]);
        }

        DateTimeOffset? now = null;
        if (parsed.Last("--now") is { } time)
        {
            now = DateTimeOffset.TryParseExact(time, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedNow)
                ? parsedNow
                : throw new UsageException($"--now takes an RFC 3339 time such as 2026-12-05T04:00:00Z, not \"{time}\"");
        }

        var grace = parsed.Last("--not-ready-grace") is { } duration ? GoDuration.Parse("--not-ready-grace", duration) : PlanningOptions.DefaultNotReadyGrace;
        return new PlanOptions(sources, new ManagementOptions(parsed.Flag("--manage-services-without-class")), output, service)
        {
            Planning = new PlanningOptions { ExcludeNotReadyNodes = parsed.Flag("--exclude-not-ready-nodes"), NotReadyGrace = grace },
            Now = now,
        };
    }
}
