using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// <c>plan</c>: runs the domain on the objects of a cluster and prints the result. Without <c>-f</c> it reads them
/// live (read-only LISTs, kubeconfig found as kubectl does; also installed as <c>kubectl nodeipam</c>); with
/// <c>-f</c> from a dump, never contacting a cluster. Both print the same for the same objects.
/// </summary>
internal sealed class PlanCommand : ICliCommand
{
    private static readonly string[] ServicePrefixes = ["svc/", "service/", "services/"];

    private readonly Argument<string?> name = new("NAME")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "only this Service (NAME or svc/NAME), with the decision for every node",
        CustomParser = ParseName,
    };

    private readonly Option<string[]> filename = new("--filename", "-f")
    {
        HelpName = "FILE|DIR|-",
        Description = "read a dump instead of the cluster: a YAML/JSON file, a directory of them, or - for standard input (repeatable)",
    };

    private readonly Option<string?> ns = new("--namespace", "-n")
    {
        HelpName = "NS",
        Description = "the Services of this namespace (default: the context's namespace, else default; with -f: every namespace)",
    };

    private readonly Option<bool> allNamespaces = CliValues.Flag("--all-namespaces", "the Services of every namespace", aliases: "-A");

    private readonly Option<string?> kubeconfig = SharedOptions.Kubeconfig();

    private readonly Option<string?> context = new("--context") { HelpName = "CTX", Description = "the kubeconfig context to use" };

    private readonly Option<bool> manageServicesWithoutClass = SharedOptions.ManageServicesWithoutClass();

    private readonly Option<bool> excludeNotReadyNodes =
        CliValues.Flag("--exclude-not-ready-nodes", "the NotReady rule, as run takes it: leave out nodes NotReady for longer than the grace");

    private readonly Option<TimeSpan?> notReadyGrace = SharedOptions.NotReadyGrace();

    private readonly Option<DateTimeOffset?> now = new("--now")
    {
        HelpName = "TIME",
        Description = "the instant NotReady graces are measured at, RFC 3339 (default: the current time)",
        CustomParser = ParseNow,
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
        Description = "only this Service, with the decision for every node (same as NAME -n NAMESPACE)",
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
            "Show which addresses each LoadBalancer Service gets, and why. Reads Nodes, Services and EndpointSlices from the cluster of your kubeconfig (read-only), or with -f from a dump such as `kubectl get nodes,services,endpointslices -A -o yaml`.")
        {
            name, filename, ns, allNamespaces, kubeconfig, context, manageServicesWithoutClass, excludeNotReadyNodes, notReadyGrace, now, output, service,
        };
        command.Validators.Add(Validate);
        command.SetAction((result, cancellationToken) => PlanRun.RunAsync(Read(result), console, cancellationToken));
        return command;
    }

    /// <summary>The options of a parsed command line.</summary>
    public PlanOptions Read(ParseResult result)
    {
        var (serviceNamespace, serviceName) = result.GetValue(service) is { } key ? (key[..key.IndexOf('/', StringComparison.Ordinal)], key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]) : (null, null);
        return new PlanOptions(
            result.GetValue(filename) ?? [],
            new ManagementOptions(result.GetValue(manageServicesWithoutClass)),
            Enum.Parse<PlanOutput>(result.GetRequiredValue(output), ignoreCase: true),
            result.GetValue(ns) ?? serviceNamespace,
            result.GetValue(name) ?? serviceName,
            result.GetValue(allNamespaces),
            result.GetValue(kubeconfig),
            result.GetValue(context))
        {
            Planning = new PlanningOptions { ExcludeNotReadyNodes = result.GetValue(excludeNotReadyNodes), NotReadyGrace = result.GetValue(notReadyGrace) ?? PlanningOptions.DefaultNotReadyGrace },
            Now = result.GetValue(now),
        };
    }

    private void Validate(CommandResult result)
    {
        bool Given(Option option) => result.GetResult(option) is { Implicit: false };
        var hasName = result.GetResult(name) is not null;
        if (Given(filename) && (Given(kubeconfig) || Given(context)))
        {
            result.AddError("-f reads files, --kubeconfig and --context a cluster: use one or the other");
        }
        else if (Given(ns) && Given(allNamespaces))
        {
            result.AddError("-n and -A exclude each other");
        }
        else if (Given(service) && (hasName || Given(ns) || Given(allNamespaces)))
        {
            result.AddError("--service namespace/name already says which Service: leave out NAME, -n and -A");
        }
        else if (hasName && Given(allNamespaces))
        {
            result.AddError("a Service NAME is looked up in one namespace: use -n NS instead of -A");
        }
    }

    private static string? ParseName(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (text.StartsWith('-'))
        {
            // An unknown option lands here, as the positional argument: say what it is.
            result.AddError($"unknown option {text.Split('=')[0]}");
            return null;
        }

        var prefix = ServicePrefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        var serviceName = prefix is null ? text : text[prefix.Length..];
        if (serviceName.Length == 0 || serviceName.Contains('/', StringComparison.Ordinal))
        {
            result.AddError($"NAME is a Service name or svc/NAME, not \"{text}\"");
            return null;
        }

        return serviceName;
    }

    private static DateTimeOffset? ParseNow(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        result.AddError($"--now takes an RFC 3339 time such as 2026-12-05T04:00:00Z, not \"{text}\"");
        return null;
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
