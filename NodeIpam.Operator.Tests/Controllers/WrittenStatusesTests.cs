using k8s.Models;
using NodeIpam.Operator.Controllers;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class WrittenStatusesTests
{
    private static readonly ObjectKey Key = new("shop", "web");
    private static readonly DesiredCondition Condition = new("True", ServiceStatusNames.AssignedReason, "advertising 1 address of 1 node", DateTimeOffset.UnixEpoch);

    private static V1Service At(string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop", ResourceVersion = resourceVersion } };

    [Test]
    public void The_cache_is_behind_only_while_it_still_shows_the_version_a_successful_write_was_made_from()
    {
        var written = new WrittenStatuses(new NamePool());
        written.CacheIsBehind(Key, At("1")).Should().BeFalse("nothing was written");

        written.Record(Key, "1", ["10.0.0.1"], Condition);
        written.CacheIsBehind(Key, At("1")).Should().BeFalse("the write has not succeeded (yet)");

        written.Succeeded(Key, "2");
        written.CacheIsBehind(Key, At("1")).Should().BeTrue("the watch has not delivered version 2");
        written.CacheIsBehind(Key, At("2")).Should().BeFalse();
        written.CacheIsBehind(Key, At("7")).Should().BeFalse("someone wrote after us: the cache is past our write");
    }

    [Test]
    public void A_write_that_changed_nothing_on_the_server_expects_no_new_version()
    {
        var written = new WrittenStatuses(new NamePool());
        written.Record(Key, "5", ["10.0.0.1"], Condition);

        written.Succeeded(Key, "5");

        written.CacheIsBehind(Key, At("5")).Should().BeFalse();
    }

    [Test]
    public void A_forgotten_service_expects_nothing()
    {
        var written = new WrittenStatuses(new NamePool());
        written.Record(Key, "1", ["10.0.0.1"], Condition);
        written.Succeeded(Key, "2");

        written.Forget(Key);

        written.CacheIsBehind(Key, At("1")).Should().BeFalse();
    }
}
