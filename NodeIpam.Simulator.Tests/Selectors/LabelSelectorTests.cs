using FsCheck;
using FsCheck.Fluent;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Selectors;

namespace NodeIpam.Simulator.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "3", ["example.com/zone"] = "a" };

    [TestCase("", true)]
    [TestCase("app=web", true)]
    [TestCase("app = web", true)]
    [TestCase("app=db", false)]
    [TestCase("app!=db", true)]
    [TestCase("missing!=x", true)]
    [TestCase("app in (db, web)", true)]
    [TestCase("app notin (web)", false)]
    [TestCase("missing notin (web)", true)]
    [TestCase("example.com/zone", true)]
    [TestCase("!example.com/zone", false)]
    [TestCase("tier>2,tier<4", true)]
    [TestCase("tier>3", false)]
    [TestCase("app=web,missing", false)]
    public void Matches_like_apimachinery(string selector, bool expected)
    {
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(expected);
    }

    [TestCase("app in web")]
    [TestCase("=web")]
    [TestCase("tier>x")]
    [TestCase("app=we b")]
    [TestCase("Bad Key=x")]
    public void Rejects_bad_syntax_with_400(string selector)
    {
        var act = () => LabelSelector.Parse(selector);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(400);
    }

    [Test]
    public void Set_and_equality_forms_agree_and_negations_are_complements()
    {
        var cases =
            from present in Gen.Elements("a", "b", "c").ListOf()
            from value in Gen.Elements("x", "y")
            from key in Gen.Elements("a", "b", "c")
            from selected in Gen.Elements("x", "y")
            select (Labels: present.Distinct().ToDictionary(k => k, _ => value), Key: key, Value: selected);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            bool M(string selector) => LabelSelector.Parse(selector).Matches(c.Labels);
            return M($"{c.Key}={c.Value}") == M($"{c.Key} in ({c.Value})")
                && M($"{c.Key}!={c.Value}") == M($"{c.Key} notin ({c.Value})")
                && M($"{c.Key}={c.Value}") != M($"{c.Key}!={c.Value}")
                && M(c.Key) != M($"!{c.Key}");
        }));
    }
}
