using FsCheck;
using FsCheck.Fluent;
using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Tests.Domain.Labels;

public class NodeLabelsTests
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Test]
    public void Looks_up_every_label_and_nothing_else()
    {
        var labels = NodeLabels.From(Pairs(("zone", "a"), ("kubernetes.io/hostname", "n1"), ("Zone", "B"), ("tier", string.Empty)));

        labels.Count.Should().Be(4);
        labels.TryGetValue("zone", out var zone).Should().BeTrue();
        zone.Should().Be("a");
        labels["Zone"].Should().Be("B", "keys are case-sensitive");
        labels["tier"].Should().BeEmpty();
        labels.ContainsKey("kubernetes.io/hostname").Should().BeTrue();
        labels.ContainsKey("ZONE").Should().BeFalse();
        labels.TryGetValue("zon", out _).Should().BeFalse();
        labels.TryGetValue("zonf", out _).Should().BeFalse();
        labels.TryGetValue(string.Empty, out _).Should().BeFalse();
        labels.Invoking(l => l["pool"]).Should().Throw<KeyNotFoundException>();
    }

    [Test]
    public void Enumerates_in_ordinal_key_order()
    {
        var labels = NodeLabels.From(Pairs(("b", "2"), ("a", "1"), ("B", "3"), ("a.b/c", "4")));

        labels.Keys.Should().Equal("B", "a", "a.b/c", "b");
        labels.Values.Should().Equal("3", "1", "4", "2");
        labels.ToString().Should().Be("B=3,a=1,a.b/c=4,b=2");
    }

    [Test]
    public void The_same_labels_in_any_order_are_equal_and_anything_else_is_not()
    {
        var labels = NodeLabels.From(Pairs(("zone", "a"), ("pool", "blue"), ("os", "linux")));
        var reordered = NodeLabels.From(Pairs(("os", "linux"), ("zone", "a"), ("pool", "blue")));

        reordered.Equals(labels).Should().BeTrue();
        reordered.GetHashCode().Should().Be(labels.GetHashCode());
        NodeLabels.From(Pairs(("zone", "a"), ("pool", "green"), ("os", "linux"))).Equals(labels).Should().BeFalse("a value differs");
        NodeLabels.From(Pairs(("zone", "a"), ("pools", "blue"), ("os", "linux"))).Equals(labels).Should().BeFalse("a key differs");
        NodeLabels.From(Pairs(("zone", "a"), ("pool", "blue"))).Equals(labels).Should().BeFalse("a label is missing");
        NodeLabels.From(Pairs(("zone", "a"), ("pool", "blue"), ("os", "linux"), ("gpu", "true"))).Equals(labels).Should().BeFalse("a label is added");
        NodeLabels.From(Pairs(("zone", "pool"), ("blue", "os"), ("linux", "a"))).Equals(labels).Should().BeFalse("the same strings, paired otherwise");
    }

    [Test]
    public void A_key_given_twice_is_one_label_with_its_last_value()
    {
        var labels = NodeLabels.From(Pairs(("zone", "a"), ("pool", "blue"), ("zone", "b")));

        labels.Count.Should().Be(2);
        labels["zone"].Should().Be("b");
        labels.Keys.Should().Equal("pool", "zone");
        labels.Equals(NodeLabels.From(Pairs(("pool", "blue"), ("zone", "b")))).Should().BeTrue();
    }

    [Test]
    public void No_labels_are_the_shared_empty_set()
    {
        NodeLabels.From(null).Should().BeSameAs(NodeLabels.Empty);
        NodeLabels.From(new Dictionary<string, string>()).Should().BeSameAs(NodeLabels.Empty);
        NodeLabels.From(Pairs((null!, "skipped"))).Should().BeSameAs(NodeLabels.Empty, "a null key is skipped");
        NodeLabels.Empty.Should().BeEmpty();
        NodeLabels.Empty.ContainsKey("zone").Should().BeFalse();
        NodeLabels.Empty.Equals(NodeLabels.From(Pairs(("zone", "a")))).Should().BeFalse();
    }

    [Test]
    public void A_null_value_reads_as_empty_as_the_API_server_stores_it() =>
        NodeLabels.From(Pairs(("zone", null!)))["zone"].Should().BeEmpty();

    [Test]
    public void Keys_and_values_go_through_the_share_function()
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Share(string text) => pool.TryGetValue(text, out var shared) ? shared : pool[text] = text;
        var first = NodeLabels.From(Pairs((Copy("zone"), Copy("a"))), Share);

        var second = NodeLabels.From(Pairs((Copy("zone"), Copy("a"))), Share);

        second.Keys.Single().Should().BeSameAs(first.Keys.Single());
        second.Values.Single().Should().BeSameAs(first.Values.Single());
    }

    [Test]
    public void Agrees_with_a_dictionary_built_from_the_same_pairs()
    {
        var text = Gen.Elements("a", "b", "B", "zone", "zone2", "k8s.io/zone", "k8s.io/os", string.Empty, "x");
        var cases =
            from pairs in Gen.ListOf(Gen.Zip(text, text))
            from shuffled in Gen.Shuffle(pairs)
            select (pairs, shuffled);
        Check.One(Checks, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in c.pairs)
            {
                expected[key] = value;
            }

            var labels = NodeLabels.From(c.pairs.Select(p => KeyValuePair.Create(p.Item1, p.Item2)));
            var fromDictionary = NodeLabels.From(expected.Reverse());
            return labels.Count == expected.Count
                && labels.Keys.SequenceEqual(expected.Keys.Order(StringComparer.Ordinal))
                && new[] { "a", "b", "B", "zone", "zone2", "k8s.io/zone", "k8s.io/os", string.Empty, "x", "y", "zone1" }.All(key =>
                    labels.TryGetValue(key, out var value) == expected.TryGetValue(key, out var wanted) && value == wanted)
                && labels.Equals(fromDictionary) && labels.GetHashCode() == fromDictionary.GetHashCode();
        }));
    }

    private static List<KeyValuePair<string, string>> Pairs(params (string Key, string Value)[] pairs) =>
        [.. pairs.Select(p => KeyValuePair.Create(p.Key, p.Value))];

    private static string Copy(string text) => new(text.AsSpan());
}
