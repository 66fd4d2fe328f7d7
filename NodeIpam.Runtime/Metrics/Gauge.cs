using System.Text;

namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// A Prometheus gauge family: a value per label tuple that goes up and down.
/// Obtain it from <see cref="MetricsRegistry.CreateGauge"/>; keep the result of <see cref="WithLabels"/> on hot paths.
/// </summary>
public sealed class Gauge : IMetricFamily
{
    private readonly SeriesSet<GaugeSeries> _series;

    internal Gauge(string name, string help, IReadOnlyList<string> labelNames)
    {
        Name = name;
        Help = help;
        _series = new SeriesSet<GaugeSeries>(name, labelNames, static () => new GaugeSeries());
    }

    /// <summary>The metric name.</summary>
    public string Name { get; }

    /// <summary>The HELP text.</summary>
    public string Help { get; }

    MetricType IMetricFamily.Type => MetricType.Gauge;

    /// <summary>The label names, in the order <see cref="WithLabels"/> expects values.</summary>
    public IReadOnlyList<string> LabelNames => _series.LabelNames;

    /// <summary>The series for these label values (created at zero on first use).</summary>
    public GaugeSeries WithLabels(params string[] labelValues) => _series.Get(labelValues);

    /// <summary>Sets the series of a gauge without labels.</summary>
    public void Set(double value) => WithLabels().Set(value);

    bool IMetricFamily.IsCompatibleWith(IMetricFamily other) =>
        other is Gauge && other.LabelNames.SequenceEqual(LabelNames, StringComparer.Ordinal);

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
