using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Operator.Cli;

namespace NodeIpam.Benchmarks.Soak;

/// <summary>What <c>soak</c> runs: minutes of churn on a mid-sized cluster, two operator instances.</summary>
internal sealed record SoakOptions
{
    public double Minutes { get; init; } = 3;

    public int Seed { get; init; } = 7;

    /// <summary>
    /// How long after a node is excluded a write may still carry its address: the operator decides from its cache,
    /// which trails the API server by the watch delay (and, after a forced disconnect or a 410, by a relist).
    /// </summary>
    public TimeSpan ExclusionGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The cluster: smaller than the scale benchmark's, so that minutes hold many changes of every kind.</summary>
    public ScaleOptions Cluster { get; init; } = new() { Nodes = 300, Services = 80, EndpointsPerService = 40, Timeout = TimeSpan.FromMinutes(3) };

    /// <summary>The <c>soak</c> command; <paramref name="run"/> gets the options when the command line is right.</summary>
    public static Command Build(Func<SoakOptions, int> run)
    {
        var defaults = new SoakOptions();
        var minutes = new Option<double>("--minutes") { HelpName = "N", Description = "how long the churn runs, in (0, 120]", DefaultValueFactory = _ => defaults.Minutes, CustomParser = ParseMinutes };
        var seed = new Option<int>("--seed") { HelpName = "N", Description = "seed of the random churn", DefaultValueFactory = _ => defaults.Seed, CustomParser = CliValues.WholeNumber };
        var nodes = new Option<int>("--nodes") { HelpName = "N", Description = "nodes in the cluster", DefaultValueFactory = _ => defaults.Cluster.Nodes, CustomParser = CliValues.AtLeast(ScaleOptions.MinimumNodes) };
        var services = new Option<int>("--services") { HelpName = "N", Description = "managed Services", DefaultValueFactory = _ => defaults.Cluster.Services, CustomParser = CliValues.AtLeast(ScaleOptions.MinimumServices) };
        var command = new Command("soak", "Two operators under random churn, faults and a leader hand-over; exit 1 on a violation.") { minutes, seed, nodes, services };
        command.SetAction(result => run(defaults with
        {
            Minutes = result.GetValue(minutes),
            Seed = result.GetValue(seed),
            Cluster = defaults.Cluster with { Nodes = result.GetValue(nodes), Services = result.GetValue(services) },
        }));
        return command;
    }

    private static double ParseMinutes(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 120)
        {
            return minutes;
        }

        result.AddError($"--minutes takes a number in (0, 120], not \"{text}\"");
        return 0;
    }
}
