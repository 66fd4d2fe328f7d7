using System.Collections.Concurrent;
using System.Text;

namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// The series of one metric family, one per distinct tuple of label values. Looking a series up allocates a key,
/// so hot paths look it up once and keep the series.
/// </summary>
internal sealed class SeriesSet<TSeries>
    where TSeries : class
{
    private readonly ConcurrentDictionary<string, (string[] Values, TSeries Series)> _series = new(StringComparer.Ordinal);
    private readonly string _metricName;
    private readonly Func<TSeries> _create;

    public SeriesSet(string metricName, IReadOnlyList<string> labelNames, Func<TSeries> create)
    {
        _metricName = metricName;
        LabelNames = labelNames;
        _create = create;
    }

    public IReadOnlyList<string> LabelNames { get; }

    public TSeries Get(string[] labelValues)
    {
        ArgumentNullException.ThrowIfNull(labelValues);
        if (labelValues.Length != LabelNames.Count)
        {
            throw new ArgumentException(
                $"Metric {_metricName} has {LabelNames.Count} label(s) ({string.Join(", ", LabelNames)}), got {labelValues.Length} value(s).",
                nameof(labelValues));
        }

        foreach (var value in labelValues)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(labelValues));
        }

        var key = Key(labelValues);
        if (_series.TryGetValue(key, out var existing))
        {
            return existing.Series;
        }

        return _series.GetOrAdd(key, static (_, state) => ((string[])state.Values.Clone(), state.Create()), (Values: labelValues, Create: _create)).Series;
    }

    /// <summary>The series sorted by label values, so that the exposition is stable between scrapes.</summary>
    public IEnumerable<(string[] Values, TSeries Series)> Snapshot() =>
        _series.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value);

    /// <summary>Writes <c>{a="x",b="y"}</c> (nothing without labels), with one optional extra label such as <c>le</c>.</summary>
    public void WriteLabels(StringBuilder output, string[] values, string? extraName = null, string? extraValue = null)
    {
        if (values.Length == 0 && extraName is null)
        {
            return;
        }

        output.Append('{');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            TextFormat.AppendLabel(output, LabelNames[i], values[i]);
        }

        if (extraName is not null)
        {
            if (values.Length > 0)
            {
                output.Append(',');
            }

            TextFormat.AppendLabel(output, extraName, extraValue!);
        }

        output.Append('}');
    }

    // Length-prefixed so that no label value, whatever it contains, can make two tuples collide.
    private static string Key(string[] values)
    {
        if (values.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var value in values)
        {
            builder.Append(value.Length).Append(':').Append(value);
        }

        return builder.ToString();
    }
}
