using System.Text;

namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// A Prometheus histogram family: per label tuple, cumulative <c>_bucket{le=...}</c> counts (the last one
/// <c>le="+Inf"</c>), <c>_sum</c> and <c>_count</c>. Obtain it from <see cref="MetricsRegistry.CreateHistogram"/>.
/// </summary>
public sealed class Histogram : IMetricFamily
{
    private readonly SeriesSet<HistogramSeries> _series;
    private readonly double[] _upperBounds;
    private readonly string[] _upperBoundLabels;

    internal Histogram(string name, string help, IReadOnlyList<double> upperBounds, IReadOnlyList<string> labelNames)
    {
        Name = name;
        Help = help;
        _upperBounds = [.. upperBounds];
        _upperBoundLabels = [.. _upperBounds.Select(TextFormat.FormatNumber), "+Inf"];
        _series = new SeriesSet<HistogramSeries>(name, labelNames, () => new HistogramSeries(_upperBounds));
    }

    /// <summary>The metric name (without the <c>_bucket</c>, <c>_sum</c>, <c>_count</c> suffixes).</summary>
    public string Name { get; }

    /// <summary>The HELP text.</summary>
    public string Help { get; }

    MetricType IMetricFamily.Type => MetricType.Histogram;

    /// <summary>The label names, in the order <see cref="WithLabels"/> expects values.</summary>
    public IReadOnlyList<string> LabelNames => _series.LabelNames;

    /// <summary>The finite bucket upper bounds, increasing; +Inf is implicit.</summary>
    public IReadOnlyList<double> UpperBounds => _upperBounds;

    /// <summary>The series for these label values (created empty on first use).</summary>
    public HistogramSeries WithLabels(params string[] labelValues) => _series.Get(labelValues);

    /// <summary>Records an observation in the series of a histogram without labels.</summary>
    public void Observe(double value) => WithLabels().Observe(value);

    bool IMetricFamily.IsCompatibleWith(IMetricFamily other) =>
        other is Histogram histogram
        && histogram.LabelNames.SequenceEqual(LabelNames, StringComparer.Ordinal)
        && histogram._upperBounds.SequenceEqual(_upperBounds);

    void IMetricFamily.WriteSamples(StringBuilder output)
    {
        foreach (var (values, series) in _series.Snapshot())
        {
            var counts = series.SnapshotBucketCounts();
            long cumulative = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                cumulative += counts[i];
                output.Append(Name).Append("_bucket");
                _series.WriteLabels(output, values, "le", _upperBoundLabels[i]);
                output.Append(' ').Append(cumulative).Append('\n');
            }

            output.Append(Name).Append("_sum");
            _series.WriteLabels(output, values);
            output.Append(' ').Append(TextFormat.FormatNumber(series.Sum)).Append('\n');
            output.Append(Name).Append("_count");
            _series.WriteLabels(output, values);
            output.Append(' ').Append(cumulative).Append('\n');
        }
    }
}
