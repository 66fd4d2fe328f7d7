using NodeIpam.Benchmarks.Domain;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Benchmarks.Soak;

namespace NodeIpam.Benchmarks;

/// <summary>The benchmark modes (<c>dotnet run -c Release --project NodeIpam.Benchmarks -- &lt;mode&gt; [args]</c>); add a mode here.</summary>
internal static class BenchmarkModes
{
    private static readonly Dictionary<string, (string Summary, Func<string[], int> Run)> Modes = new(StringComparer.Ordinal)
    {
        ["domain"] = ("BenchmarkDotNet: address selection for 5,000 nodes and 1,000 EndpointSlices (extra args go to BenchmarkDotNet)", DomainBenchmarks.Run),
        ["scale"] = ("the operator (own process) on the simulator: 5,000 nodes, 2,000 Services; --small: 500/200; --json PATH", ScaleBenchmark.Run),
        ["soak"] = ("two operators under random churn, faults and a leader hand-over; non-zero exit on a violation; --minutes N", SoakBenchmark.Run),
    };

    public static int Run(string[] args)
    {
        if (args.Length > 0 && Modes.TryGetValue(args[0], out var mode))
        {
            return mode.Run(args[1..]);
        }

        Console.Error.WriteLine("Usage: NodeIpam.Benchmarks <mode> [args]");
        foreach (var (name, (summary, _)) in Modes)
        {
            Console.Error.WriteLine($"  {name,-10}{summary}");
        }

        return 2;
    }
}
