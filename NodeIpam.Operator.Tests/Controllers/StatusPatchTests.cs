using System.Text.Json.Nodes;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class StatusPatchTests
{
    private static readonly DesiredCondition Assigned =
        new("True", ServiceStatusNames.AssignedReason, "advertising 2 addresses of 2 nodes", new DateTimeOffset(2026, 11, 26, 8, 0, 0, 123, TimeSpan.Zero));

    [Test]
    public void The_patch_is_conditional_on_the_resource_version_and_writes_VIP_entries_and_our_condition()
    {
        var patch = JsonNode.Parse(StatusPatch.Build("42", ["10.0.0.1", "2001:db8::1"], Assigned))!;

        patch["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be("42");
        patch["status"]!["loadBalancer"]!["ingress"]!.ToJsonString()
            .Should().Be("""[{"ip":"10.0.0.1","ipMode":"VIP"},{"ip":"2001:db8::1","ipMode":"VIP"}]""");
        var condition = patch["status"]!["conditions"]![0]!;
        condition["type"]!.GetValue<string>().Should().Be(ServiceStatusNames.ConditionType);
        condition["lastTransitionTime"]!.GetValue<string>().Should().Be("2026-11-26T08:00:00Z", "metav1.Time has whole seconds");
    }

    [Test]
    public void No_addresses_remove_the_ingress_list_and_kept_addresses_are_not_mentioned()
    {
        var cleared = JsonNode.Parse(StatusPatch.Build("42", [], Assigned))!;
        cleared["status"]!["loadBalancer"]!.AsObject().ContainsKey("ingress").Should().BeTrue();
        cleared["status"]!["loadBalancer"]!["ingress"].Should().BeNull();

        var kept = JsonNode.Parse(StatusPatch.Build("42", null, Assigned))!;
        kept["status"]!.AsObject().ContainsKey("loadBalancer").Should().BeFalse();
    }

    [Test]
    public void A_release_deletes_our_condition_by_its_merge_key_and_clears_the_ingress_only_when_asked()
    {
        var release = JsonNode.Parse(StatusPatch.BuildRelease("42", clearIngress: true))!;
        var keep = JsonNode.Parse(StatusPatch.BuildRelease("42", clearIngress: false))!;

        release.ToJsonString().Should().Be(
            """{"status":{"loadBalancer":{"ingress":null},"conditions":[{"type":"nodeipam.io/AddressesAssigned","$patch":"delete"}]},"metadata":{"resourceVersion":"42"}}""");
        keep["status"]!.AsObject().ContainsKey("loadBalancer").Should().BeFalse();
        keep["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be("42");
    }

    [Test]
    public void The_written_body_says_exactly_what_the_json_tree_of_it_says()
    {
        var condition = new DesiredCondition("True", "AddressesAssigned", "sélecteur \"pool=💙\" <b>&</b>\n… [ingress sha256:0123456789ab]", new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var ingress = Enumerable.Range(1, 300).Select(i => $"10.0.{i / 256}.{i % 256}").ToList();

        var written = JsonNode.Parse(StatusPatch.Build("7", ingress, condition))!;

        var expected = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray([.. ingress.Select(ip => (JsonNode)new JsonObject { ["ip"] = ip, ["ipMode"] = "VIP" })]) },
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = ServiceStatusNames.ConditionType,
                    ["status"] = "True",
                    ["reason"] = "AddressesAssigned",
                    ["message"] = condition.Message,
                    ["lastTransitionTime"] = "2026-11-26T08:00:00Z",
                }),
            },
            ["metadata"] = new JsonObject { ["resourceVersion"] = "7" },
        };
        JsonNode.DeepEquals(written, expected).Should().BeTrue(written.ToJsonString());
    }
}
