using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace NodeIpam.Runtime.Metrics;

/// <summary>
/// The process's Prometheus registry, served on <c>/metrics</c> in the text exposition format 0.0.4. A singleton in
/// dependency injection: the runtime registers controller-runtime's metric names in it, and the operator adds its
/// own (<c>nodeipam_*</c>) through <see cref="CreateCounter"/>, <see cref="CreateGauge"/> and
/// <see cref="CreateHistogram"/>. Creating a metric that already exists with the same type, labels and buckets
/// returns the existing one; a conflicting definition throws. Recording is lock-free; exporting takes a snapshot.
/// </summary>
public sealed partial class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, IMetricFamily> _families = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<object, Action> _beforeCollect = new();

    /// <summary>Creates (or returns the identical existing) counter family.</summary>
    public Counter CreateCounter(string name, string help, params string[] labelNames) =>
        Register(new Counter(ValidateName(name), help ?? string.Empty, ValidateLabels(labelNames, forHistogram: false)));

    /// <summary>Creates (or returns the identical existing) gauge family.</summary>
    public Gauge CreateGauge(string name, string help, params string[] labelNames) =>
        Register(new Gauge(ValidateName(name), help ?? string.Empty, ValidateLabels(labelNames, forHistogram: false)));

    /// <summary>
    /// Creates (or returns the identical existing) histogram family. <paramref name="upperBounds"/> must be strictly
    /// increasing; a trailing +Inf is accepted and ignored (it is always present).
    /// </summary>
    public Histogram CreateHistogram(string name, string help, IReadOnlyList<double> upperBounds, params string[] labelNames) =>
        Register(new Histogram(
            ValidateName(name),
            help ?? string.Empty,
            ValidateBuckets(upperBounds),
            ValidateLabels(labelNames, forHistogram: true)));

    /// <summary>The whole registry in the text exposition format, families sorted by name.</summary>
    public string Export()
    {
        foreach (var action in _beforeCollect.Values)
        {
            action();
        }

        var output = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            output.Append("# HELP ").Append(family.Name).Append(' ');
            TextFormat.AppendHelp(output, family.Help);
            output.Append('\n');
            output.Append("# TYPE ").Append(family.Name).Append(' ')
                .Append(family.Type switch
                {
                    MetricType.Counter => "counter",
                    MetricType.Gauge => "gauge",
                    _ => "histogram",
                })
                .Append('\n');
            family.WriteSamples(output);
        }

        return output.ToString();
    }

    /// <summary>
    /// Runs <paramref name="refresh"/> before every export, for gauges that are cheaper to compute on scrape than to
    /// keep current (e.g. the age of the longest-running reconcile). Dispose the result to stop.
    /// </summary>
    internal IDisposable OnCollect(Action refresh)
    {
        var token = new object();
        _beforeCollect[token] = refresh;
        return new Unsubscriber(() => _beforeCollect.TryRemove(token, out _));
    }

    private T Register<T>(T family)
        where T : class, IMetricFamily
    {
        var existing = _families.GetOrAdd(family.Name, family);
        if (ReferenceEquals(existing, family))
        {
            return family;
        }

        if (existing is T typed && existing.IsCompatibleWith(family))
        {
            return typed;
        }

        throw new InvalidOperationException(
            $"Metric {family.Name} is already registered as a {existing.Type} with labels ({string.Join(", ", existing.LabelNames)}); " +
            "a metric name must always mean the same thing.");
    }

    private static string ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || !MetricNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*).", nameof(name));
        }

        return name;
    }

    private static string[] ValidateLabels(string[] labelNames, bool forHistogram)
    {
        labelNames ??= [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labelNames)
        {
            if (string.IsNullOrEmpty(label) || !LabelNamePattern().IsMatch(label) || label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{label}' is not a valid Prometheus label name.", nameof(labelNames));
            }

            if (forHistogram && label == "le")
            {
                throw new ArgumentException("A histogram cannot have a label named 'le'.", nameof(labelNames));
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException($"Label '{label}' appears twice.", nameof(labelNames));
            }
        }

        return [.. labelNames];
    }

    private static double[] ValidateBuckets(IReadOnlyList<double> upperBounds)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        var bounds = upperBounds.Where(b => !double.IsPositiveInfinity(b)).ToArray();
        for (var i = 0; i < bounds.Length; i++)
        {
            if (double.IsNaN(bounds[i]) || (i > 0 && !(bounds[i] > bounds[i - 1])))
            {
                throw new ArgumentException("Histogram buckets must be strictly increasing numbers.", nameof(upperBounds));
            }
        }

        return bounds;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricNamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelNamePattern();

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
