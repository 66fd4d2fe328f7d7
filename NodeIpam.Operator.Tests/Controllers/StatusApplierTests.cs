using System.Text;
using NodeIpam.Operator.Controllers;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class StatusApplierTests
{
    [TestCase("""{"kind":"Service","metadata":{"name":"web","resourceVersion":"42"},"status":{}}""", "42")]
    [TestCase("""{"spec":{"x":{"resourceVersion":"1"}},"status":{"loadBalancer":{"ingress":[{"ip":"10.0.0.1"}]}},"metadata":{"managedFields":[{"resourceVersion":"2"}],"resourceVersion":"43"}}""", "43")]
    [TestCase("""{"kind":"Service","metadata":{"name":"web"}}""", null)]
    [TestCase("""{"metadata":{"resourceVersion":7}}""", null)]
    [TestCase("""not json""", null)]
    [TestCase("", null)]
    public void Of_the_answer_only_metadata_resource_version_is_read(string json, string? expected) =>
        StatusApplier.ResourceVersion(Encoding.UTF8.GetBytes(json)).Should().Be(expected);
}
