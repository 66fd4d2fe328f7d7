using System.Text;
using Prometheus;

namespace NodeIpam.Runtime.Tests.Metrics;

/// <summary>What a scrape of a registry returns, for assertions on the exported text.</summary>
internal static class MetricsText
{
    public static string Export(this CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
