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
    public void Threads_sharing_the_same_values_at_once_get_one_instance_per_value()
    {
        const int Threads = 4;
        const int Values = 50_000;
        for (var round = 0; round < 3; round++)
        {
            var pool = new NamePool();
            using var start = new Barrier(Threads);
            var seen = new string[Threads][];
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                seen[t] = [.. Enumerable.Range(0, Values).Select(i => pool.Share(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Enumerable.Range(0, Values).Where(i => seen.Select(values => values[i]).Distinct(ReferenceEqualityComparer.Instance).Count() != 1)
                .Should().BeEmpty("every thread gets the one shared instance of each value");
        }
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
