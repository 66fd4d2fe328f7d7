using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Tests.Domain.Labels;

public class LabelSelectorParserTests
{
    [TestCase(",", 0, "expected a label key")]
    [TestCase("zone=a,", 7, "end of selector")]
    [TestCase("zone=a,,b", 7, "after ','")]
    [TestCase("zone=a b", 7, "expected ',' or the end")]
    [TestCase("zone a", 5, "expected an operator")]
    [TestCase("zone in a", 8, "expected '('")]
    [TestCase("zone in (a", 10, "end of selector")]
    [TestCase("zone in (a b)", 11, "expected ',' or ')'")]
    [TestCase("zone in (=)", 9, "expected a value")]
    [TestCase("zone==(a)", 6, "expected a value")]
    [TestCase("!zone=a", 5, "expected ',' or the end")]
    [TestCase("!", 1, "expected a label key")]
    [TestCase("!!zone", 1, "expected a label key")]
    [TestCase("=a", 0, "expected a label key")]
    [TestCase("zone=a=b", 6, "expected ',' or the end")]
    [TestCase("zone>a", 5, "integer")]
    [TestCase("zone<", 5, "integer")]
    [TestCase("zone>-1", 5, "start and end with a letter or digit")]
    [TestCase("zone>99999999999999999999", 5, "integer")]
    public void Reports_syntax_errors_with_their_position(string text, int position, string problem)
    {
        var result = LabelSelector.Parse(text);
        result.IsValid.Should().BeFalse();
        result.Selector.Should().BeNull();
        result.Position.Should().Be(position);
        result.Error.Should().Contain(problem);
        result.ToString().Should().EndWith($"at position {position}");
    }

    [TestCase("-zone=a", 0, "start and end with a letter or digit")]
    [TestCase("zone-=a", 0, "start and end with a letter or digit")]
    [TestCase("zo ne", 3, "expected an operator")]
    [TestCase("zo*ne=a", 0, "not '*'")]
    [TestCase("Example.com/zone=a", 0, "lower-case DNS subdomain")]
    [TestCase("example..com/zone=a", 0, "lower-case DNS subdomain")]
    [TestCase("/zone=a", 0, "prefix before '/' is empty")]
    [TestCase("example.com/=a", 0, "name part is empty")]
    [TestCase("a/b/c=a", 0, "at most one '/'")]
    [TestCase("x, zone=a_", 8, "start and end with a letter or digit")]
    [TestCase("zone in (a, -b)", 12, "start and end with a letter or digit")]
    [TestCase("zone=a/b", 5, "not '/'")]
    public void Validates_keys_and_values_like_the_API_server(string text, int position, string problem)
    {
        var result = LabelSelector.Parse(text);
        result.IsValid.Should().BeFalse();
        result.Position.Should().Be(position);
        result.Error.Should().Contain(problem);
    }

    [Test]
    public void Enforces_length_limits()
    {
        var name63 = new string('a', 63);
        var prefix253 = string.Join('.', Enumerable.Repeat(new string('p', 49), 5)) + ".abc";
        prefix253.Length.Should().Be(253);

        LabelSelector.Parse($"{name63}={name63}").IsValid.Should().BeTrue();
        LabelSelector.Parse($"{prefix253}/{name63}").IsValid.Should().BeTrue();
        LabelSelector.Parse($"{name63}a").Error.Should().Contain("longer than 63");
        LabelSelector.Parse($"k={name63}a").Error.Should().Contain("longer than 63");
        LabelSelector.Parse($"{prefix253}p/k").Error.Should().Contain("longer than 253");
    }

    [TestCase("a", nameof(LabelOperator.Exists))]
    [TestCase("!a", nameof(LabelOperator.DoesNotExist))]
    [TestCase("a=b", nameof(LabelOperator.Equals))]
    [TestCase("a==b", nameof(LabelOperator.DoubleEquals))]
    [TestCase("a!=b", nameof(LabelOperator.NotEquals))]
    [TestCase("a in (b)", nameof(LabelOperator.In))]
    [TestCase("a notin (b)", nameof(LabelOperator.NotIn))]
    [TestCase("a>1", nameof(LabelOperator.GreaterThan))]
    [TestCase("a<1", nameof(LabelOperator.LessThan))]
    [TestCase("example.com/a-b_c.d=V_1.x", nameof(LabelOperator.Equals))]
    public void Parses_every_operator(string text, string expected)
    {
        var result = LabelSelector.Parse(text);
        result.IsValid.Should().BeTrue(result.ToString());
        result.Selector!.Requirements.Should().ContainSingle().Which.Operator.ToString().Should().Be(expected);
    }

    [Test]
    public void Reads_missing_set_values_as_the_empty_value_like_apimachinery()
    {
        LabelSelector.Parse("k in ()").Selector!.Requirements[0].Values.Should().Equal(string.Empty);
        LabelSelector.Parse("k in (a,,b)").Selector!.Requirements[0].Values.Should().Equal(string.Empty, "a", "b");
        LabelSelector.Parse("k notin (,a)").Selector!.Requirements[0].Values.Should().Equal(string.Empty, "a");
    }
}
