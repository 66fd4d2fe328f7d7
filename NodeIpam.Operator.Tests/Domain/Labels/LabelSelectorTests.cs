using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Tests.Domain.Labels;

public class LabelSelectorTests
{
    private static readonly NodeLabels ZoneA = NodeLabels.From(new Dictionary<string, string> { ["zone"] = "a", ["tier"] = "edge", ["rank"] = "5" });
    private static readonly NodeLabels ZoneB = NodeLabels.From(new Dictionary<string, string> { ["zone"] = "b" });
    private static readonly NodeLabels NoLabels = NodeLabels.Empty;

    [TestCase("zone=a", true, false, false)]
    [TestCase("zone==a", true, false, false)]
    [TestCase("zone!=a", false, true, true)]
    [TestCase("zone in (a,c)", true, false, false)]
    [TestCase("zone notin (a,c)", false, true, true)]
    [TestCase("zone", true, true, false)]
    [TestCase("!zone", false, false, true)]
    [TestCase("tier", true, false, false)]
    [TestCase("!tier", false, true, true)]
    [TestCase("rank>4", true, false, false)]
    [TestCase("rank>5", false, false, false)]
    [TestCase("rank<6", true, false, false)]
    [TestCase("zone=a,tier=edge", true, false, false)]
    [TestCase("zone=a,tier=core", false, false, false)]
    [TestCase("zone in (a,b),!tier", false, true, false)]
    [TestCase("  zone  in  ( a , b )  ,  tier  ", true, false, false)]
    [TestCase("zone=", false, false, false)]
    [TestCase("zone!=", true, true, true)]
    public void Matches_as_Kubernetes_does(string selector, bool zoneA, bool zoneB, bool none)
    {
        var parsed = LabelSelector.Parse(selector).Selector!;
        parsed.Matches(ZoneA).Should().Be(zoneA);
        parsed.Matches(ZoneB).Should().Be(zoneB);
        parsed.Matches(NoLabels).Should().Be(none);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\r\n")]
    [TestCase(null)]
    public void Empty_or_blank_text_selects_everything(string? text)
    {
        var parsed = LabelSelector.Parse(text).Selector!;
        parsed.IsEmpty.Should().BeTrue();
        parsed.Matches(NoLabels).Should().BeTrue();
        parsed.Matches(ZoneA).Should().BeTrue();
    }

    [Test]
    public void Empty_value_matches_a_label_with_an_empty_value()
    {
        var emptyZone = NodeLabels.From(new Dictionary<string, string> { ["zone"] = string.Empty });
        LabelSelector.Parse("zone=").Selector!.Matches(emptyZone).Should().BeTrue();
        LabelSelector.Parse("zone in ()").Selector!.Matches(emptyZone).Should().BeTrue();
        LabelSelector.Parse("zone in (a,)").Selector!.Matches(emptyZone).Should().BeTrue();
        LabelSelector.Parse("zone in (a)").Selector!.Matches(emptyZone).Should().BeFalse();
    }

    [Test]
    public void Greater_and_less_than_ignore_non_integer_label_values()
    {
        var text = NodeLabels.From(new Dictionary<string, string> { ["rank"] = "high" });
        LabelSelector.Parse("rank>1").Selector!.Matches(text).Should().BeFalse();
        LabelSelector.Parse("rank<1").Selector!.Matches(text).Should().BeFalse();
    }

    [Test]
    public void In_and_notin_are_keywords_only_in_operator_position()
    {
        var labels = NodeLabels.From(new Dictionary<string, string> { ["in"] = "notin" });
        LabelSelector.Parse("in in (notin)").Selector!.Matches(labels).Should().BeTrue();
        LabelSelector.Parse("in=notin").Selector!.Matches(labels).Should().BeTrue();
    }

    [Test]
    public void Prints_the_canonical_form_sorted_by_key_with_sorted_distinct_values() =>
        LabelSelector.Parse("zone in (c, a, c), !b, a==x, rank>3").Selector!.ToString()
            .Should().Be("a==x,!b,rank>3,zone in (a,c)");
}
