using System.Text;

namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// A Prometheus counter family: a value per label tuple that only goes up (reset only by a process restart).
/// Obtain it from <see cref="MetricsRegistry.CreateCounter"/>; keep the result of <see cref="WithLabels"/> on hot paths.
/// </summary>
public sealed class Counter : IMetricFamily
{
    private readonly SeriesSet<CounterSeries> _series;

    internal Counter(string name, string help, IReadOnlyList<string> labelNames)
    {
        Name = name;
        Help = help;
        _series = new SeriesSet<CounterSeries>(name, labelNames, static () => new CounterSeries());
    }

    /// <summary>The metric name, e.g. <c>controller_runtime_reconcile_total</c>.</summary>
    public string Name { get; }

    /// <summary>The HELP text.</summary>
    public string Help { get; }

    MetricType IMetricFamily.Type => MetricType.Counter;

    /// <summary>The label names, in the order <see cref="WithLabels"/> expects values.</summary>
    public IReadOnlyList<string> LabelNames => _series.LabelNames;

    /// <summary>The series for these label values (created at zero on first use).</summary>
    public CounterSeries WithLabels(params string[] labelValues) => _series.Get(labelValues);

    /// <summary>Adds to the series of a counter without labels.</summary>
    public void Inc(double amount = 1) => WithLabels().Inc(amount);

    bool IMetricFamily.IsCompatibleWith(IMetricFamily other) =>
        other is Counter && other.LabelNames.SequenceEqual(LabelNames, StringComparer.Ordinal);

    void IMetricFamily.WriteSamples(StringBuilder output)
    {
        foreach (var (values, series) in _series.Snapshot())
        {
            output.Append(Name);
            _series.WriteLabels(output, values);
            output.Append(' ').Append(TextFormat.FormatNumber(series.Value)).Append('\n');
        }
    }
}
