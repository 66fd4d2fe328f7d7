using k8s.Models;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Controllers;
using static NodeIpam.Operator.Tests.Domain.TestObjects;

namespace NodeIpam.Operator.Tests.Controllers;

/// <summary>The NotReady and cap annotations reach the planner: the cache keeps them and a change of them is reconciled.</summary>
[TestFixture]
internal sealed class PlanningAnnotationsTests
{
    [TestCase("nodeipam.io/exclude-not-ready-nodes", "true")]
    [TestCase("nodeipam.io/max-addresses-per-family", "2")]
    public void The_cache_keeps_the_annotation_and_a_change_of_it_is_reconciled(string annotation, string value)
    {
        var facts = new FactsCache(ManagementOptions.Default);
        var transforms = new CacheTransforms(facts);
        var before = Service();
        before.Metadata.Uid = "u1";
        before.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "a" };
        var after = Service();
        after.Metadata.Uid = "u1";
        after.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "a", [annotation] = value };

        var (cachedBefore, cachedAfter) = (transforms.Service(before), transforms.Service(after));

        cachedAfter.Metadata.Annotations.Should().Equal(new Dictionary<string, string> { [annotation] = value });
        cachedAfter.Metadata.Uid.Should().Be("u1", "the cap's ranking reads it");
        new ServiceChangeFilter(new WrittenStatuses(new NamePool()), facts)
            .ShouldReconcile(new ObjectChange<V1Service>(cachedBefore, cachedAfter)).Should().BeTrue();
        ServiceChangeFilter.SameInputs(before, after).Should().BeFalse();
        after.Metadata.Annotations[annotation] = value + "0";
        ServiceChangeFilter.SameInputs(transforms.Service(after), cachedAfter).Should().BeFalse("a new value is a new input");
    }
}
