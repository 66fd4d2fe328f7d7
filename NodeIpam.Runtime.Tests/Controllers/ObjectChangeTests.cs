using k8s.Models;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Tests.Controllers;

public sealed class ObjectChangeTests
{
    private static readonly V1Node Old = new() { Metadata = new V1ObjectMeta { Name = "n", ResourceVersion = "1" } };
    private static readonly ObjectKey Key = ObjectKey.Cluster("n");
    private static readonly V1Node New = new() { Metadata = new V1ObjectMeta { Name = "n", ResourceVersion = "2" } };

    [Test]
    public void An_add_has_only_a_new_object()
    {
        var change = new ObjectChange<V1Node>(Key, null, New);

        (change.IsAdd, change.IsUpdate, change.IsDelete).Should().Be((true, false, false));
        change.Latest.Should().BeSameAs(New);
    }

    [Test]
    public void An_update_has_both_and_its_latest_is_the_new_one()
    {
        var change = new ObjectChange<V1Node>(Key, Old, New);

        (change.IsAdd, change.IsUpdate, change.IsDelete).Should().Be((false, true, false));
        change.Latest.Should().BeSameAs(New);
    }

    [Test]
    public void A_delete_has_only_the_old_object_which_is_its_latest()
    {
        var change = new ObjectChange<V1Node>(Key, Old, null);

        (change.IsAdd, change.IsUpdate, change.IsDelete).Should().Be((false, false, true));
        change.Latest.Should().BeSameAs(Old);
    }
}
