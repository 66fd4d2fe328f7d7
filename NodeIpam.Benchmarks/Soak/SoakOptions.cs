using System.Globalization;
using NodeIpam.Benchmarks.Scale;

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

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value (or is unknown)");
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 120 ? m : throw new ArgumentException("--minutes takes a number in (0, 120]") },
                "--seed" => options with { Seed = int.TryParse(value, CultureInfo.InvariantCulture, out var s) ? s : throw new ArgumentException("--seed takes a whole number") },
                "--nodes" => options with { Cluster = options.Cluster with { Nodes = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 20 ? n : throw new ArgumentException("--nodes takes a number >= 20") } },
                "--services" => options with { Cluster = options.Cluster with { Services = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : throw new ArgumentException("--services takes a number >= 2") } },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        return options;
    }
}
