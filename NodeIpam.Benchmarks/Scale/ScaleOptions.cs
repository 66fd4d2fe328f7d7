using System.CommandLine;
using NodeIpam.Operator.Cli;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// What <c>scale</c> was asked to measure. The defaults are the cluster (5,000 nodes, 2,000 Services);
/// <c>--small</c> is the quick configuration (500 nodes, 200 Services) that runs in under a minute.
/// </summary>
internal sealed record ScaleOptions
{
    /// <summary>Where the JSON goes unless --json says otherwise.</summary>
    public const string DefaultJsonPath = "artifacts/bench-scale.json";

    /// <summary>Fewer nodes cannot hold the cluster's node kinds (excluded, tainted, IPv6-only...).</summary>
    public const int MinimumNodes = 20;

    /// <summary>At least one Cluster and one Local Service.</summary>
    public const int MinimumServices = 2;

    /// <summary>Nodes in the cluster.</summary>
    public int Nodes { get; init; } = 5_000;

    /// <summary>Managed Services: half Cluster, half Local.</summary>
    public int Services { get; init; } = 2_000;

    /// <summary>Average endpoints per Local Service ("a few hundred"; spread over distinct nodes where possible).</summary>
    public int EndpointsPerService { get; init; } = 300;

    /// <summary>Repetitions of each latency measurement (node label change, endpoint readiness flip).</summary>
    public int Changes { get; init; } = 30;

    /// <summary>Service status PATCHes sent to measure the simulator's write rate.</summary>
    public int RateProbeWrites { get; init; } = 1_000;

    /// <summary>Concurrent clients of the write-rate probe.</summary>
    public int RateProbeClients { get; init; } = 4;

    /// <summary>Operator workers (--workers); 0 keeps the operator's default.</summary>
    public int Workers { get; init; }

    /// <summary>
    /// The operator to run (--operator, a NodeIpam.Operator.dll); null runs the one built next to the benchmark.
    /// make bench-scale passes the published one, the bits the container image ships.
    /// </summary>
    public string? OperatorDll { get; init; }

    /// <summary>
    /// Serve the simulator over plain HTTP (--plain-http) instead of HTTPS. A real API server is always HTTPS (HTTP/2 by
    /// ALPN), so TLS and the crypto library it loads are part of the operator's fixed cost from start-up; plain HTTP is
    /// kept to compare with earlier figures.
    /// </summary>
    public bool PlainHttp { get; init; }

    /// <summary>The JSON output file.</summary>
    public string JsonPath { get; init; } = DefaultJsonPath;

    /// <summary>Idle time over which steady API requests, working set and CPU are measured.</summary>
    public TimeSpan SteadyWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest wait for the working set to settle before a memory figure is read (an idle operator settled in about
    /// 3 minutes after its start in our runs).
    /// </summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Give up waiting for a convergence after this long (a MISS, not a hang).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The <c>scale</c> command; <paramref name="run"/> gets the options when the command line is right.</summary>
    public static Command Build(Func<ScaleOptions, int> run)
    {
        var small = CliValues.Flag("--small", "500 nodes, 200 Services, 100 endpoints each, 10 changes (under a minute); other flags still apply");
        var nodes = Number("--nodes", "nodes in the cluster", new ScaleOptions().Nodes, MinimumNodes);
        var services = Number("--services", "managed Services, half Cluster, half Local", new ScaleOptions().Services, MinimumServices);
        var endpoints = Number("--endpoints", "average endpoints per Local Service", new ScaleOptions().EndpointsPerService);
        var changes = Number("--changes", "repetitions of each latency measurement", new ScaleOptions().Changes);
        var rateWrites = Number("--rate-writes", "status PATCHes of the write-rate probe", new ScaleOptions().RateProbeWrites);
        var rateClients = Number("--rate-clients", "concurrent clients of the write-rate probe", new ScaleOptions().RateProbeClients);
        var workers = Number("--workers", "the operator's --workers (default: its own)", null);
        var timeout = Number("--timeout-seconds", "give up waiting for a convergence after this long", (int)new ScaleOptions().Timeout.TotalSeconds);
        var plainHttp = CliValues.Flag("--plain-http", "serve the simulator over plain HTTP instead of HTTPS (a real API server is HTTPS: to compare only)");
        var json = new Option<string>("--json") { HelpName = "PATH", Description = "where the figures go", DefaultValueFactory = _ => DefaultJsonPath };
        var operatorDll = new Option<string?>("--operator") { HelpName = "DLL", Description = "the NodeIpam.Operator.dll to run (default: the build next to the benchmark)" };
        operatorDll.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && !File.Exists(path))
            {
                result.AddError($"--operator: no file {path}");
            }
        });
        var command = new Command("scale", "The operator (own process) on the simulator: 5,000 nodes, 2,000 Services; prints a table and writes the figures as JSON.")
        {
            small, nodes, services, endpoints, changes, rateWrites, rateClients, workers, timeout, plainHttp, json, operatorDll,
        };
        command.SetAction(result =>
        {
            var options = Read(result.GetValue(small), o => result.GetResult(o) is { Implicit: false } ? result.GetValue(o) : null) with
            {
                JsonPath = result.GetRequiredValue(json),
                PlainHttp = result.GetValue(plainHttp),
                OperatorDll = result.GetValue(operatorDll) is { } dll ? Path.GetFullPath(dll) : null,
            };
            return run(options);
        });
        return command;

        // --small first, then every flag given explicitly, whatever their order on the line.
        ScaleOptions Read(bool isSmall, Func<Option<int>, int?> given)
        {
            var options = isSmall
                ? new ScaleOptions { Nodes = 500, Services = 200, EndpointsPerService = 100, Changes = 10, RateProbeWrites = 200, SteadyWindow = TimeSpan.FromSeconds(4) }
                : new ScaleOptions();
            return options with
            {
                Nodes = given(nodes) ?? options.Nodes,
                Services = given(services) ?? options.Services,
                EndpointsPerService = given(endpoints) ?? options.EndpointsPerService,
                Changes = given(changes) ?? options.Changes,
                RateProbeWrites = given(rateWrites) ?? options.RateProbeWrites,
                RateProbeClients = given(rateClients) ?? options.RateProbeClients,
                Workers = given(workers) ?? options.Workers,
                Timeout = given(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Timeout,
            };
        }
    }

    private static Option<int> Number(string name, string description, int? defaultValue, int minimum = 1)
    {
        var option = new Option<int>(name) { HelpName = "N", Description = description, CustomParser = CliValues.AtLeast(minimum) };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option;
    }
}
