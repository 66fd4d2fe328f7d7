namespace NodeIpam.Runtime.Metrics;

/// <summary>The Prometheus metric types the registry knows, as named on the <c># TYPE</c> line.</summary>
internal enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
