using NodeIpam.Operator.Caching;

namespace NodeIpam.Operator.Tests.Caching;

[TestFixture]
internal sealed class NamePoolTests
{
    [Test]
    public void Equal_strings_come_back_as_one_instance()
    {
        var pool = new NamePool();
        var first = pool.Share(new string("node-1".ToCharArray()));

        var second = pool.Share(new string("node-1".ToCharArray()));

        second.Should().BeSameAs(first);
        pool.Share("node-2").Should().Be("node-2");
    }

    [Test]
    public void Past_its_capacity_it_starts_afresh_and_still_returns_equal_strings()
    {
        var pool = new NamePool();
        var early = pool.Share(new string("early".ToCharArray()));
        for (var i = 0; i < NamePool.Capacity; i++)
        {
            pool.Share(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var again = pool.Share(new string("early".ToCharArray()));

        again.Should().Be("early");
        again.Should().NotBeSameAs(early, "the strings seen before the pool started afresh are no longer held");
        pool.Share(new string("early".ToCharArray())).Should().BeSameAs(again);
    }
}
