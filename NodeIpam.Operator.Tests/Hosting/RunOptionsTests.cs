using NodeIpam.Operator.Hosting;

namespace NodeIpam.Operator.Tests.Hosting;

[TestFixture]
internal sealed class RunOptionsTests
{
    [Test]
    public void Leader_election_uses_the_given_namespace_else_the_pods()
    {
        new RunOptions { LeaderElect = true, LeaderElectionNamespace = "ops" }.ToSettings(podNamespace: () => "pods-ns")
            .LeaderElection!.LeaseNamespace.Should().Be("ops");
        var fromPod = new RunOptions { LeaderElect = true }.ToSettings(podNamespace: () => "pods-ns\n").LeaderElection!;
        fromPod.LeaseNamespace.Should().Be("pods-ns");
        fromPod.LeaseName.Should().Be(RunOptions.LeaseName);
    }

    [Test]
    public void Leader_election_outside_a_pod_needs_a_namespace()
    {
        var act = () => new RunOptions { LeaderElect = true }.ToSettings(podNamespace: () => null);

        act.Should().Throw<ArgumentException>().WithMessage("*--leader-election-namespace*");
    }

    [Test]
    public void Without_leader_election_this_process_always_leads_and_the_flags_reach_the_runtime()
    {
        var settings = new RunOptions
        {
            Workers = 3,
            HealthProbeBindAddress = ":9000",
            MetricsBindAddress = "0",
            MetricsSecure = false,
            MetricsCertDir = "/certs",
            Kubeconfig = "/k",
        }.ToSettings();

        settings.LeaderElection.Should().BeNull();
        settings.MaxConcurrentReconciles.Should().Be(3);
        settings.HealthProbeBindAddress.Should().Be(":9000");
        settings.MetricsBindAddress.Should().Be("0");
        settings.MetricsSecure.Should().BeFalse();
        settings.MetricsCertDir.Should().Be("/certs");
        settings.Kubeconfig.Should().Be("/k");
    }

    [TestCase(0)]
    [TestCase(RunOptions.MaxWorkers + 1)]
    public void Workers_out_of_range_are_refused(int workers)
    {
        var act = () => new RunOptions { Workers = workers }.ToSettings();

        act.Should().Throw<ArgumentException>().WithMessage("*--workers*");
    }
}
