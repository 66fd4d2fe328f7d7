using NodeIpam.Benchmarks;

// A dispatcher only: the first argument picks a benchmark mode, the rest goes to that mode.
return BenchmarkModes.Run(args);
