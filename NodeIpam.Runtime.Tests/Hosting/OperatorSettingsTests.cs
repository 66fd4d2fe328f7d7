using NodeIpam.Runtime.Hosting;
using NodeIpam.Runtime.LeaderElection;

namespace NodeIpam.Runtime.Tests.Hosting;

public sealed class OperatorSettingsTests
{
    [Test]
    public void Defaults_are_controller_runtime_and_kubebuilder_ones_and_valid()
    {
        var settings = new OperatorSettings();

        settings.MaxConcurrentReconciles.Should().Be(1);
        settings.HealthProbeBindAddress.Should().Be(":8081");
        settings.MetricsBindAddress.Should().Be(":8443");
        settings.MetricsSecure.Should().BeTrue();
        settings.GracefulShutdownTimeout.Should().Be(TimeSpan.FromSeconds(30));
        settings.LeaderElection.Should().BeNull();
        settings.Version.Should().NotBeNullOrWhiteSpace().And.NotContain("+");
        settings.Validate().Should().BeSameAs(settings);
    }

    [Test]
    public void Fewer_than_one_worker_is_refused() =>
        FluentActions.Invoking(() => new OperatorSettings { MaxConcurrentReconciles = 0 }.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*MaxConcurrentReconciles*");

    [Test]
    public void A_non_positive_shutdown_timeout_is_refused() =>
        FluentActions.Invoking(() => new OperatorSettings { GracefulShutdownTimeout = TimeSpan.Zero }.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*GracefulShutdownTimeout*");

    [Test]
    public void A_malformed_bind_address_is_refused() =>
        FluentActions.Invoking(() => new OperatorSettings { MetricsBindAddress = "8080" }.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*metrics bind address*");

    [Test]
    public void A_version_with_spaces_is_refused() =>
        FluentActions.Invoking(() => new OperatorSettings { Version = "1 2" }.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*Version*");

    [Test]
    public void Invalid_leader_election_timing_is_refused() =>
        FluentActions.Invoking(() => new OperatorSettings
        {
            LeaderElection = new LeaderElectionOptions
            {
                LeaseName = "nodeipam",
                LeaseNamespace = "kube-system",
                LeaseDuration = TimeSpan.FromSeconds(5),
                RenewDeadline = TimeSpan.FromSeconds(10),
            },
        }.Validate()).Should().Throw<ArgumentException>();
}
