using NodeIpam.Runtime.Metrics;

namespace NodeIpam.Runtime.Tests.Metrics;

/// <summary>The runtime's metric families on prometheus-net: controller-runtime's and client-go's names, labels and types.</summary>
public sealed class RuntimeMetricsTests
{
    [Test]
    public void The_runtime_registers_controller_runtime_names_with_their_labels_and_types()
    {
        var registry = RuntimeMetrics.CreateRegistry();
        var metrics = new RuntimeMetrics(registry);
        metrics.ReconcileTotal.WithLabels("service", "success").Inc();
        metrics.ReconcileErrors.WithLabels("service").Inc();
        metrics.ReconcileTime.WithLabels("service").Observe(0.02);
        metrics.ActiveWorkers.WithLabels("service").Set(1);
        metrics.MaxConcurrentReconciles.WithLabels("service").Set(8);
        metrics.RestClientRequests.WithLabels("200", "GET", "api:6443").Inc();
        metrics.QueueDepth.WithLabels("service").Set(2);
        metrics.QueueAdds.WithLabels("service").Inc();
        metrics.QueueRetries.WithLabels("service").Inc();
        metrics.QueueDuration.WithLabels("service").Observe(0.5);
        metrics.WorkDuration.WithLabels("service").Observe(0.5);
        metrics.UnfinishedWork.WithLabels("service").Set(0);
        metrics.LongestRunningProcessor.WithLabels("service").Set(0);

        var text = registry.Export();

        text.Should().Contain("# TYPE controller_runtime_reconcile_total counter\n")
            .And.Contain("controller_runtime_reconcile_total{controller=\"service\",result=\"success\"} 1\n")
            .And.Contain("# TYPE controller_runtime_reconcile_errors_total counter\n")
            .And.Contain("controller_runtime_reconcile_errors_total{controller=\"service\"} 1\n")
            .And.Contain("# TYPE controller_runtime_reconcile_time_seconds histogram\n")
            .And.Contain("controller_runtime_reconcile_time_seconds_bucket{controller=\"service\",le=\"0.025\"} 1\n")
            .And.Contain("controller_runtime_reconcile_time_seconds_count{controller=\"service\"} 1\n")
            .And.Contain("# TYPE controller_runtime_active_workers gauge\n")
            .And.Contain("controller_runtime_max_concurrent_reconciles{controller=\"service\"} 8\n")
            .And.Contain("# TYPE rest_client_requests_total counter\n")
            .And.Contain("rest_client_requests_total{code=\"200\",method=\"GET\",host=\"api:6443\"} 1\n")
            .And.Contain("# TYPE workqueue_depth gauge\n")
            .And.Contain("workqueue_depth{name=\"service\"} 2\n")
            .And.Contain("workqueue_adds_total{name=\"service\"} 1\n")
            .And.Contain("workqueue_retries_total{name=\"service\"} 1\n")
            .And.Contain("# TYPE workqueue_queue_duration_seconds histogram\n")
            .And.Contain("workqueue_work_duration_seconds_bucket{name=\"service\",le=\"1\"} 1\n")
            .And.Contain("# TYPE workqueue_unfinished_work_seconds gauge\n")
            .And.Contain("# TYPE workqueue_longest_running_processor_seconds gauge\n");
    }

    [Test]
    public void The_registry_carries_the_process_memory_and_cpu()
    {
        var text = RuntimeMetrics.CreateRegistry().Export();

        text.Should().Contain("# TYPE process_working_set_bytes gauge\n").And.Contain("# TYPE process_cpu_seconds_total counter\n");
    }

    [Test]
    public void Collect_hooks_run_before_each_export_until_disposed()
    {
        var registry = RuntimeMetrics.CreateRegistry();
        var metrics = new RuntimeMetrics(registry);
        var value = 0;
        var hook = metrics.OnCollect(() => metrics.QueueDepth.WithLabels("q").Set(++value));

        registry.Export().Should().Contain("workqueue_depth{name=\"q\"} 1\n");
        registry.Export().Should().Contain("workqueue_depth{name=\"q\"} 2\n");
        hook.Dispose();
        registry.Export().Should().Contain("workqueue_depth{name=\"q\"} 2\n");
    }

    [Test]
    public async Task Concurrent_increments_are_not_lost()
    {
        var metrics = new RuntimeMetrics(RuntimeMetrics.CreateRegistry());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                metrics.QueueAdds.WithLabels(t % 2 == 0 ? "even" : "odd").Inc();
                metrics.WorkDuration.WithLabels("q").Observe(0.5);
            }
        })));

        metrics.QueueAdds.WithLabels("even").Value.Should().Be(20_000);
        metrics.QueueAdds.WithLabels("odd").Value.Should().Be(20_000);
        metrics.WorkDuration.WithLabels("q").Count.Should().Be(40_000);
    }
}
