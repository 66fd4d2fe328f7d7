using System.Reflection;

namespace NodeIpam.Operator.Tests.Architecture;

/// <summary>
/// The namespaces are layers: nothing below reaches up (controller-runtime's order: the client at the bottom, then
/// informers, then controllers, events, leader election and health, and hosting on top; in the operator the domain at
/// the bottom, caching and controllers above, hosting and the CLI on top). A new cycle fails here, naming an example
/// reference for every edge of it.
/// </summary>
public sealed class NamespaceCycleTests
{
    [TestCase("NodeIpam.Runtime")]
    [TestCase("NodeIpam.Operator")]
    public void Namespaces_do_not_depend_on_each_other_in_a_cycle(string assemblyName)
    {
        var graph = NamespaceGraph.Of(Assembly.Load(assemblyName));

        var cycles = graph.Cycles();

        cycles.Should().BeEmpty(
            "these namespaces reach each other:\n{0}",
            string.Join("\n", cycles.Select(cycle => string.Join(", ", cycle) + "\n" + string.Join(
                "\n",
                cycle.SelectMany(from => graph.Edges[from].Where(e => cycle.Contains(e.Key)).Select(e => $"    {from} → {e.Key}: {e.Value}"))))));
    }

    [Test]
    public void The_graph_reads_references_from_compiled_code_and_finds_a_cycle_in_them()
    {
        // Controllers → Domain is a reference the operator really has; the test above would pass on an empty graph.
        var graph = NamespaceGraph.Of(Assembly.Load("NodeIpam.Operator"));
        graph.Edges["NodeIpam.Operator.Controllers"].Should().ContainKey("NodeIpam.Operator.Domain");

        graph.Edges["NodeIpam.Operator.Domain"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["NodeIpam.Operator.Controllers"] = "made up" };

        graph.Cycles().Should().Contain(cycle => cycle.Contains("NodeIpam.Operator.Controllers") && cycle.Contains("NodeIpam.Operator.Domain"));
    }

    [Test]
    public void The_domain_does_not_use_the_kubernetes_client()
    {
        // What the rules read is the records of the domain; the adapters in Caching are the only readers of the API's
        // model types. The graph does see the client's types where they are used (Caching uses k8s.Models).
        var graph = NamespaceGraph.Of(Assembly.Load("NodeIpam.Operator"));
        graph.External["NodeIpam.Operator.Caching"].Should().ContainKey("k8s.Models");

        var domain = graph.External.Where(e => e.Key.StartsWith("NodeIpam.Operator.Domain", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Where(used => used.Key.StartsWith("k8s", StringComparison.Ordinal)).Select(used => used.Value));

        domain.Should().BeEmpty();
    }
}
