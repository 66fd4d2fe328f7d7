using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NodeIpam.Benchmarks.Domain;

/// <summary>
/// Runs the domain benchmarks with BenchmarkDotNet: ShortRun, in-process (no generated project to build, which on a
/// busy two-core CI machine exceeds BenchmarkDotNet's build timeout), with allocations.
/// </summary>
internal static class DomainBenchmarks
{
    public static int Run(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));

        // Without a filter BenchmarkDotNet asks interactively; "make bench" must not.
        var arguments = args.Contains("--filter") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ClusterPolicyBenchmarks), typeof(LocalPolicyBenchmarks)]).Run(arguments, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
