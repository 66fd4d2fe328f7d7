using NodeIpam.Simulator.Patching;

namespace NodeIpam.Simulator.Tests.Patching;

public sealed class YamlJsonTests
{
    [Test]
    public void Plain_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var node = YamlJson.Parse("a: 1\nb: \"1\"\nc: true\nd: ~\ne: 1.5\nf: text\ng: [x, 'y']\n")!;

        node.ToJsonString().Should().Be("""{"a":1,"b":"1","c":true,"d":null,"e":1.5,"f":"text","g":["x","y"]}""");
    }

    [Test]
    public void Multiple_documents_are_returned_in_order()
    {
        YamlJson.ParseAll("a: 1\n---\nb: 2\n").Select(d => d!.ToJsonString()).Should().Equal("""{"a":1}""", """{"b":2}""");
    }
}
