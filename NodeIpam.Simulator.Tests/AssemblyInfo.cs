// Tests inside a fixture run one at a time; fixtures may run in parallel on the two cores CI has.
[assembly: Parallelizable(ParallelScope.Fixtures)]
