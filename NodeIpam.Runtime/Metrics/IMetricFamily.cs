using System.Text;

namespace NodeIpam.Runtime.Metrics;

/// <summary>A named metric with its series, as the registry stores and exports it.</summary>
internal interface IMetricFamily
{
    string Name { get; }

    string Help { get; }

    MetricType Type { get; }

    IReadOnlyList<string> LabelNames { get; }

    /// <summary>True when <paramref name="other"/> describes the same metric (type, labels, buckets).</summary>
    bool IsCompatibleWith(IMetricFamily other);

    /// <summary>Appends the sample lines (without HELP and TYPE) in the text exposition format 0.0.4.</summary>
    void WriteSamples(StringBuilder output);
}
