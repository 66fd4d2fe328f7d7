using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Patching;

namespace NodeIpam.Simulator.Tests.Patching;

public sealed class JsonPatchTests
{
    private static string Apply(string target, string patch) =>
        JsonPatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch)).ToJsonString();

    [Test]
    public void Add_remove_replace_move_copy_and_test()
    {
        Apply("""{"a":{"b":1},"l":[1,2]}""", """
            [{"op":"add","path":"/l/-","value":3},{"op":"add","path":"/l/0","value":0},{"op":"remove","path":"/a/b"},
             {"op":"replace","path":"/l/1","value":9},{"op":"copy","from":"/l/1","path":"/c"},{"op":"move","from":"/c","path":"/a/m"},
             {"op":"test","path":"/a/m","value":9},{"op":"add","path":"/k~1x","value":true}]
            """).Should().Be("""{"a":{"m":9},"l":[0,9,2,3],"k/x":true}""");
    }

    [TestCase("""[{"op":"remove","path":"/missing"}]""")]
    [TestCase("""[{"op":"replace","path":"/x/y","value":1}]""")]
    [TestCase("""[{"op":"test","path":"/a","value":2}]""")]
    [TestCase("""[{"op":"frobnicate","path":"/a"}]""")]
    public void Failing_operations_are_422(string patch)
    {
        var act = () => Apply("""{"a":1}""", patch);

        act.Should().Throw<ApiError>().Which.Code.Should().Be(422);
    }
}
