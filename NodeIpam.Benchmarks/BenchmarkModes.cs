using System.CommandLine;
using NodeIpam.Benchmarks.Domain;
using NodeIpam.Benchmarks.Scale;
using NodeIpam.Benchmarks.Soak;
using NodeIpam.Operator.Cli;

namespace NodeIpam.Benchmarks;

/// <summary>The benchmark modes (<c>dotnet run -c Release --project NodeIpam.Benchmarks -- &lt;mode&gt; [args]</c>); add a mode here.</summary>
internal static class BenchmarkModes
{
    /// <summary>The command tree: one subcommand per mode.</summary>
    public static Command Build(Func<string[], int> domain, Func<ScaleOptions, int> scale, Func<SoakOptions, int> soak)
    {
        var domainCommand = new Command("domain", "BenchmarkDotNet: address selection for 5,000 nodes and 1,000 EndpointSlices (other arguments go to BenchmarkDotNet, e.g. --filter '*Local*')")
        {
            // BenchmarkDotNet's own flags are not ours to declare: they pass through.
            TreatUnmatchedTokensAsErrors = false,
        };
        domainCommand.SetAction(result => domain([.. result.UnmatchedTokens]));
        var root = CliInvocation.Root("NodeIpam.Benchmarks", "Commands that print figures (make bench, make bench-scale, make soak); none of them is a test.");
        root.Add(domainCommand);
        root.Add(ScaleOptions.Build(scale));
        root.Add(SoakOptions.Build(soak));
        return root;
    }

    public static int Run(string[] args) =>
        CliInvocation.InvokeAsync(Build(DomainBenchmarks.Run, ScaleBenchmark.Run, SoakBenchmark.Run), args, Console.Out, Console.Error, CancellationToken.None)
            .GetAwaiter().GetResult();
}
