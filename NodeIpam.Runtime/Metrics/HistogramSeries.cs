namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// One series of a <see cref="Histogram"/>. Thread-safe and lock-free; the exported <c>_count</c> is the sum of the
/// bucket counts, so it always equals the <c>+Inf</c> bucket even under concurrent observations.
/// </summary>
public sealed class HistogramSeries
{
    private readonly double[] _upperBounds;

    // One slot per finite bound plus the +Inf overflow; not cumulative (accumulated at export).
    private readonly long[] _counts;
    private double _sum;

    internal HistogramSeries(double[] upperBounds)
    {
        _upperBounds = upperBounds;
        _counts = new long[upperBounds.Length + 1];
    }

    /// <summary>The number of observations.</summary>
    public long Count => SnapshotBucketCounts().Sum();

    /// <summary>The sum of all observations.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>Records one observation; it falls in the first bucket whose upper bound is &gt;= the value.</summary>
    public void Observe(double value)
    {
        var index = Array.BinarySearch(_upperBounds, value);
        if (index < 0)
        {
            index = ~index;
        }

        Interlocked.Increment(ref _counts[index]);
        AtomicDouble.Add(ref _sum, value);
    }

    internal long[] SnapshotBucketCounts()
    {
        var copy = new long[_counts.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Interlocked.Read(ref _counts[i]);
        }

        return copy;
    }
}
