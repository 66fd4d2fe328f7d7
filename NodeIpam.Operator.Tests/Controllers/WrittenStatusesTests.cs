using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class WrittenStatusesTests
{
    private static readonly ObjectKey Key = new("shop", "web");
    private static readonly DesiredCondition Condition = new("True", ServiceStatusNames.AssignedReason, "advertising 1 address of 1 node", DateTimeOffset.UnixEpoch);

    private static CachedService At(string resourceVersion) => Cached(Service(resourceVersion));

    private static V1Service Service(string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop", ResourceVersion = resourceVersion } };

    private static CachedService Cached(V1Service service) => ServiceAdapter.From(service, ManagementOptions.Default);

    [Test]
    public void The_cache_is_behind_only_while_it_still_shows_the_version_a_successful_write_was_made_from()
    {
        var written = new WrittenStatuses();
        written.CacheIsBehind(Key, At("1")).Should().BeFalse("nothing was written");

        written.Record(Key, "1", IngressDigest.Of(["10.0.0.1"]), Condition);
        written.CacheIsBehind(Key, At("1")).Should().BeFalse("the write has not succeeded (yet)");

        written.Succeeded(Key, "2");
        written.CacheIsBehind(Key, At("1")).Should().BeTrue("the watch has not delivered version 2");
        written.CacheIsBehind(Key, At("2")).Should().BeFalse();
        written.CacheIsBehind(Key, At("7")).Should().BeFalse("someone wrote after us: the cache is past our write");
    }

    [Test]
    public void A_write_that_changed_nothing_on_the_server_expects_no_new_version()
    {
        var written = new WrittenStatuses();
        written.Record(Key, "5", IngressDigest.Of(["10.0.0.1"]), Condition);

        written.Succeeded(Key, "5");

        written.CacheIsBehind(Key, At("5")).Should().BeFalse();
    }

    [Test]
    public void A_forgotten_service_expects_nothing()
    {
        var written = new WrittenStatuses();
        written.Record(Key, "1", IngressDigest.Of(["10.0.0.1"]), Condition);
        written.Succeeded(Key, "2");

        written.Forget(Key);

        written.CacheIsBehind(Key, At("1")).Should().BeFalse();
    }

    [Test]
    public void An_awaited_echo_is_passed_on_once_when_a_version_past_our_write_arrives()
    {
        var written = new WrittenStatuses();
        written.Record(Key, "1", IngressDigest.Of(["10.0.0.1"]), Condition);
        written.Succeeded(Key, "2");
        written.TakeAwaitedEcho(Key, At("2")).Should().BeFalse("nobody waits for it");

        written.AwaitEcho(Key).Should().BeTrue("the first wait of this write is logged");
        written.AwaitEcho(Key).Should().BeFalse("looking again is the same wait");
        written.TakeAwaitedEcho(Key, At("1")).Should().BeFalse("still the version the write was made from");
        written.TakeAwaitedEcho(Key, At("3")).Should().BeTrue("a newer version than ours also ends the wait");
        written.TakeAwaitedEcho(Key, At("3")).Should().BeFalse("passed on once");
        written.AwaitEcho(Key).Should().BeFalse();

        written.Record(Key, "3", IngressDigest.Of(["10.0.0.2"]), Condition);
        written.Succeeded(Key, "4");
        written.AwaitEcho(Key).Should().BeTrue("a new write is a new wait");
    }

    [Test]
    public void The_echo_of_a_release_is_our_own_write()
    {
        var written = new WrittenStatuses();
        var service = Service("2");
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };

        written.Record(Key, "1", IngressDigest.Empty, condition: null);

        written.IsOwnWrite(Key, Cached(service)).Should().BeTrue();
        service.Status.Conditions = [new V1Condition { Type = ServiceStatusNames.ConditionType, Status = "True", Reason = "x", Message = "y" }];
        written.IsOwnWrite(Key, Cached(service)).Should().BeFalse();
    }
}
