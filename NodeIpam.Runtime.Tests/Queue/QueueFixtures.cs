using Microsoft.Extensions.Time.Testing;
using NodeIpam.Runtime.Metrics;
using NodeIpam.Runtime.Queue;
using Prometheus;

namespace NodeIpam.Runtime.Tests.Queue;

/// <summary>Builds queues on a fresh registry, so that each test sees only its own metrics.</summary>
internal static class QueueFixtures
{
    public static WorkQueueMetrics Metrics(out CollectorRegistry registry, string name = "test")
    {
        registry = RuntimeMetrics.CreateRegistry();
        return new WorkQueueMetrics(new RuntimeMetrics(registry), name);
    }

    public static WorkQueue WorkQueue(TimeProvider time) => new(time, Metrics(out _));

    public static RateLimitingQueue RateLimitingQueue(FakeTimeProvider time, IRateLimiter? limiter = null) =>
        new(limiter ?? RateLimiters.Default(time), time, Metrics(out _));

    public static ObjectKey Key(string name) => new("default", name);
}
