using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodeIpam.Operator.Tests.Support;
using static NodeIpam.Operator.Tests.Integration.ClusterObjects;

namespace NodeIpam.Operator.Tests.Integration;

/// <summary>
/// /metrics of the running operator keeps the names, labels and types the README documents (so existing dashboards
/// keep working), and has every metric the shipped Grafana dashboard queries.
/// </summary>
[TestFixture]
internal sealed partial class MetricsContractTests
{
    private static readonly (string Name, string Type, string[] Labels)[] Documented =
    [
        ("controller_runtime_reconcile_total", "counter", ["controller", "result"]),
        ("controller_runtime_reconcile_errors_total", "counter", ["controller"]),
        ("controller_runtime_reconcile_time_seconds", "histogram", ["controller"]),
        ("controller_runtime_active_workers", "gauge", ["controller"]),
        ("controller_runtime_max_concurrent_reconciles", "gauge", ["controller"]),
        ("workqueue_depth", "gauge", ["name"]),
        ("workqueue_adds_total", "counter", ["name"]),
        ("workqueue_retries_total", "counter", ["name"]),
        ("workqueue_queue_duration_seconds", "histogram", ["name"]),
        ("workqueue_work_duration_seconds", "histogram", ["name"]),
        ("workqueue_unfinished_work_seconds", "gauge", ["name"]),
        ("workqueue_longest_running_processor_seconds", "gauge", ["name"]),
        ("rest_client_requests_total", "counter", ["code", "method", "host"]),
        ("nodeipam_managed_services", "gauge", []),
        ("nodeipam_advertised_addresses", "gauge", []),
        ("nodeipam_status_writes_total", "counter", ["result"]),
        ("process_working_set_bytes", "gauge", []),
    ];

    private static string _metrics = string.Empty;

    [OneTimeSetUp]
    public static async Task ScrapeARunningOperator()
    {
        await using var harness = await OperatorHarness.StartAsync();
        harness.Simulator.Store.Create(Node("node-a", "10.0.0.1"));
        harness.Simulator.Store.Create(Service("web"));
        await harness.StartOperatorAsync();
        await harness.WaitForIngressAsync("web", "10.0.0.1");
        await harness.WaitIdleAsync();
        _metrics = await harness.ScrapeMetricsAsync();
    }

    [Test]
    public void Every_documented_metric_has_its_type_and_labels()
    {
        foreach (var (name, type, labels) in Documented)
        {
            _metrics.Should().Contain($"# TYPE {name} {type}\n");
            var sample = type == "histogram" ? $"{name}_count" : name;
            var line = _metrics.Split('\n').FirstOrDefault(l => l.StartsWith(sample + "{", StringComparison.Ordinal) || l.StartsWith(sample + " ", StringComparison.Ordinal));
            line.Should().NotBeNull($"{sample} has a sample");
            LabelName().Matches(line!).Select(m => m.Groups[1].Value).Should().Equal(labels, $"the labels of {name}");
        }

        _metrics.Should().Contain("controller_runtime_reconcile_total{controller=\"service\",result=\"success\"}");
        _metrics.Should().Contain("nodeipam_status_writes_total{result=\"success\"} 1\n");
    }

    [Test]
    public void Every_metric_the_grafana_dashboard_queries_is_on_metrics()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Repository.PathOf("config", "grafana", "dashboard.json")))!;
        var queried = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray())
            .SelectMany(t => QueriedMetric().Matches(t!["expr"]!.GetValue<string>()).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        queried.Should().Contain(["nodeipam_managed_services", "nodeipam_advertised_addresses", "nodeipam_status_writes_total", "workqueue_depth", "process_working_set_bytes"]);
        foreach (var name in queried)
        {
            _metrics.Split('\n').Should().Contain(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal), $"the dashboard queries {name}");
        }
    }

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"[,}]""")]
    private static partial Regex LabelName();

    // A metric selector in PromQL: a name followed by its label matchers.
    [GeneratedRegex(@"([a-z_:][a-z0-9_:]*)\{")]
    private static partial Regex QueriedMetric();
}
