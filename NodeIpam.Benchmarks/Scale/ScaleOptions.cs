using System.Globalization;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// What <c>scale</c> was asked to measure. The defaults are the cluster (5,000 nodes, 2,000 Services);
/// <c>--small</c> is the quick configuration (500 nodes, 200 Services) that runs in under a minute.
/// </summary>
internal sealed record ScaleOptions
{
    /// <summary>Where the JSON goes unless --json says otherwise.</summary>
    public const string DefaultJsonPath = "artifacts/bench-scale.json";

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

    /// <summary>The JSON output file.</summary>
    public string JsonPath { get; init; } = DefaultJsonPath;

    /// <summary>Idle time over which steady API requests, working set and CPU are measured.</summary>
    public TimeSpan SteadyWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Give up waiting for a convergence after this long (a MISS, not a hang).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Parses the mode's arguments; an <see cref="ArgumentException"/> names the bad one.</summary>
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ScaleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--small")
            {
                options = options with { Nodes = 500, Services = 200, EndpointsPerService = 100, Changes = 10, RateProbeWrites = 200, SteadyWindow = TimeSpan.FromSeconds(4) };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value (or is unknown)");
            }

            var value = args[++i];
            options = name switch
            {
                "--nodes" => options with { Nodes = Positive(name, value) },
                "--services" => options with { Services = Positive(name, value) },
                "--endpoints" => options with { EndpointsPerService = Positive(name, value) },
                "--changes" => options with { Changes = Positive(name, value) },
                "--rate-writes" => options with { RateProbeWrites = Positive(name, value) },
                "--rate-clients" => options with { RateProbeClients = Positive(name, value) },
                "--workers" => options with { Workers = Positive(name, value) },
                "--timeout-seconds" => options with { Timeout = TimeSpan.FromSeconds(Positive(name, value)) },
                "--json" => options with { JsonPath = value },
                "--operator" => options with { OperatorDll = File.Exists(value) ? Path.GetFullPath(value) : throw new ArgumentException($"--operator: no file {value}") },
                _ => throw new ArgumentException($"unknown argument {name}"),
            };
        }

        return options.Services < 2 || options.Nodes < 20
            ? throw new ArgumentException("--nodes must be at least 20 and --services at least 2")
            : options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a positive whole number, not \"{value}\"");
}
