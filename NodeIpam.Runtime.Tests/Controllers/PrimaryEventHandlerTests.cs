using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Tests.Controllers;

public sealed class PrimaryEventHandlerTests
{
    private static readonly ObjectKey Key = new("shop", "web");

    private static V1Service Service(string version) =>
        new() { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop", ResourceVersion = version } };

    [Test]
    public void Without_a_filter_every_add_update_and_delete_enqueues_the_key()
    {
        var keys = new List<ObjectKey>();
        var handler = new PrimaryEventHandler<V1Service>("service", null, keys.Add, NullLogger.Instance);

        handler.OnAdd(Key, Service("1"), isInInitialList: true);
        handler.OnUpdate(Key, Service("1"), Service("2"));
        handler.OnDelete(Key, Service("2"));

        keys.Should().Equal(Enumerable.Repeat(new ObjectKey("shop", "web"), 3));
    }

    [Test]
    public void The_filter_sees_the_change_and_can_drop_it()
    {
        var seen = new List<ObjectChange<V1Service>>();
        var keys = new List<ObjectKey>();
        var handler = new PrimaryEventHandler<V1Service>(
            "service",
            change =>
            {
                seen.Add(change);
                return !change.IsUpdate;
            },
            keys.Add,
            NullLogger.Instance);

        handler.OnUpdate(Key, Service("1"), Service("2"));
        handler.OnDelete(Key, Service("2"));

        seen.Select(c => (c.IsUpdate, c.IsDelete)).Should().Equal((true, false), (false, true));
        keys.Should().ContainSingle();
    }

    [Test]
    public void A_throwing_filter_is_treated_as_yes()
    {
        var keys = new List<ObjectKey>();
        var handler = new PrimaryEventHandler<V1Service>("service", _ => throw new InvalidOperationException("bug"), keys.Add, NullLogger.Instance);

        handler.OnAdd(Key, Service("1"), isInInitialList: false);

        keys.Should().ContainSingle();
    }
}
