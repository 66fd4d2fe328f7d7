using NodeIpam.Runtime.Metrics;

namespace NodeIpam.Runtime.Tests.Metrics;

public sealed class MetricsRegistryTests
{
    [Test]
    public void A_counter_is_exported_with_help_type_and_labels()
    {
        var registry = new MetricsRegistry();
        var counter = registry.CreateCounter("nodeipam_test_total", "Things counted.", "controller", "result");
        counter.WithLabels("service", "success").Inc();
        counter.WithLabels("service", "success").Inc(2);
        counter.WithLabels("service", "error").Inc();

        registry.Export().Should().Be(
            "# HELP nodeipam_test_total Things counted.\n" +
            "# TYPE nodeipam_test_total counter\n" +
            "nodeipam_test_total{controller=\"service\",result=\"error\"} 1\n" +
            "nodeipam_test_total{controller=\"service\",result=\"success\"} 3\n");
    }

    [Test]
    public void Label_values_and_help_are_escaped()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("g", "Line one\nback\\slash \"quoted\"", "v").WithLabels("a\"b\\c\nd").Set(1.5);

        registry.Export().Should().Be(
            "# HELP g Line one\\nback\\\\slash \"quoted\"\n" +
            "# TYPE g gauge\n" +
            "g{v=\"a\\\"b\\\\c\\nd\"} 1.5\n");
    }

    [Test]
    public void A_histogram_exports_cumulative_buckets_with_inf_sum_and_count()
    {
        var registry = new MetricsRegistry();
        var histogram = registry.CreateHistogram("h_seconds", "Durations.", [0.1, 1, 10], "controller");
        var series = histogram.WithLabels("svc");
        series.Observe(0.05);
        series.Observe(0.1);
        series.Observe(5);
        series.Observe(100);

        registry.Export().Should().Be(
            "# HELP h_seconds Durations.\n" +
            "# TYPE h_seconds histogram\n" +
            "h_seconds_bucket{controller=\"svc\",le=\"0.1\"} 2\n" +
            "h_seconds_bucket{controller=\"svc\",le=\"1\"} 2\n" +
            "h_seconds_bucket{controller=\"svc\",le=\"10\"} 3\n" +
            "h_seconds_bucket{controller=\"svc\",le=\"+Inf\"} 4\n" +
            "h_seconds_sum{controller=\"svc\"} 105.15\n" +
            "h_seconds_count{controller=\"svc\"} 4\n");
    }

    [Test]
    public void Metrics_without_labels_have_no_braces_and_small_bounds_use_go_spelling()
    {
        var registry = new MetricsRegistry();
        registry.CreateCounter("c_total", "C.").Inc();
        registry.CreateHistogram("h", "H.", [1e-8]).Observe(1);

        registry.Export().Should().Contain("c_total 1\n").And.Contain("h_bucket{le=\"1e-08\"} 0\n").And.Contain("h_count 1\n");
    }

    [Test]
    public void Families_are_sorted_by_name()
    {
        var registry = new MetricsRegistry();
        registry.CreateGauge("zeta", "Z.").Set(1);
        registry.CreateGauge("alpha", "A.").Set(1);

        var text = registry.Export();
        text.IndexOf("alpha", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("zeta", StringComparison.Ordinal));
    }

    [Test]
    public void Creating_an_identical_metric_twice_returns_the_same_family()
    {
        var registry = new MetricsRegistry();
        var first = registry.CreateCounter("x_total", "X.", "a");
        var second = registry.CreateCounter("x_total", "X.", "a");

        second.Should().BeSameAs(first);
    }

    [Test]
    public void A_conflicting_definition_is_refused()
    {
        var registry = new MetricsRegistry();
        registry.CreateCounter("x_total", "X.", "a");

        FluentActions.Invoking(() => registry.CreateGauge("x_total", "X.", "a")).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => registry.CreateCounter("x_total", "X.", "b")).Should().Throw<InvalidOperationException>();
    }

    [TestCase("1abc")]
    [TestCase("has-dash")]
    [TestCase("")]
    public void Invalid_metric_names_are_refused(string name) =>
        FluentActions.Invoking(() => new MetricsRegistry().CreateCounter(name, "h")).Should().Throw<ArgumentException>();

    [TestCase("__reserved")]
    [TestCase("a-b")]
    public void Invalid_label_names_are_refused(string label) =>
        FluentActions.Invoking(() => new MetricsRegistry().CreateCounter("ok", "h", label)).Should().Throw<ArgumentException>();

    [Test]
    public void A_histogram_cannot_use_le_nor_unsorted_buckets()
    {
        var registry = new MetricsRegistry();
        FluentActions.Invoking(() => registry.CreateHistogram("h1", "h", [1], "le")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => registry.CreateHistogram("h2", "h", [2, 1])).Should().Throw<ArgumentException>();
    }

    [Test]
    public void The_wrong_number_of_label_values_is_refused()
    {
        var counter = new MetricsRegistry().CreateCounter("c_total", "C.", "a", "b");
        FluentActions.Invoking(() => counter.WithLabels("only-one")).Should().Throw<ArgumentException>();
    }

    [Test]
    public void A_counter_never_goes_down()
    {
        var counter = new MetricsRegistry().CreateCounter("c_total", "C.");
        FluentActions.Invoking(() => counter.Inc(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public async Task Concurrent_increments_are_not_lost()
    {
        var registry = new MetricsRegistry();
        var counter = registry.CreateCounter("c_total", "C.", "k");
        var histogram = registry.CreateHistogram("h", "H.", [1]);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.WithLabels(t % 2 == 0 ? "even" : "odd").Inc();
                histogram.Observe(0.5);
            }
        })));

        counter.WithLabels("even").Value.Should().Be(20_000);
        counter.WithLabels("odd").Value.Should().Be(20_000);
        histogram.WithLabels().Count.Should().Be(40_000);
        histogram.WithLabels().Sum.Should().Be(20_000);
    }

    [Test]
    public void The_runtime_registers_controller_runtime_names()
    {
        var registry = new MetricsRegistry();
        var metrics = new RuntimeMetrics(registry);
        metrics.ReconcileTotal.WithLabels("service", "success").Inc();
        metrics.RestClientRequests.WithLabels("200", "GET", "api:6443").Inc();

        var text = registry.Export();
        text.Should().Contain("# TYPE controller_runtime_reconcile_total counter\n")
            .And.Contain("controller_runtime_reconcile_total{controller=\"service\",result=\"success\"} 1\n")
            .And.Contain("rest_client_requests_total{code=\"200\",method=\"GET\",host=\"api:6443\"} 1\n")
            .And.Contain("# TYPE controller_runtime_reconcile_time_seconds histogram\n")
            .And.Contain("# TYPE workqueue_depth gauge\n");
    }
}
