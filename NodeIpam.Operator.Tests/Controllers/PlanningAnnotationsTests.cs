using NodeIpam.Operator.Caching;
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
        var adapter = new ServiceAdapter(new NamePool(), ManagementOptions.Default);
        var before = Service();
        before.Metadata.Uid = "u1";
        before.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "a" };
        var after = Service();
        after.Metadata.Uid = "u1";
        after.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "a", [annotation] = value };

        var (cachedBefore, cachedAfter) = (adapter.Adapt(before), adapter.Adapt(after));

        cachedAfter.Facts.InvalidAnnotations.Should().BeEmpty();
        (cachedAfter.Facts.ExcludeNotReadyNodes ?? false || cachedAfter.Facts.MaxAddressesPerFamily == 2).Should().BeTrue();
        cachedAfter.Facts.Uid.Should().Be("u1", "the cap's ranking reads it");
        new ServiceChangeFilter(new WrittenStatuses())
            .ShouldReconcile(new ObjectChange<CachedService>(cachedAfter.Key, cachedBefore, cachedAfter)).Should().BeTrue();
        cachedAfter.Facts.Should().NotBe(cachedBefore.Facts);
        after.Metadata.Annotations[annotation] = value + "0";
        adapter.Adapt(after).Facts.Should().NotBe(cachedAfter.Facts, "a new value is a new input");
    }
}
