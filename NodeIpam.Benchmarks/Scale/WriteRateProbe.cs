using System.Diagnostics;
using System.Globalization;
using System.Text;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;
using NodeIpam.Operator.Domain;
using NodeIpam.Simulator;

namespace NodeIpam.Benchmarks.Scale;

/// <summary>
/// Measures how fast the simulator accepts Service status writes like the operator's (a strategic-merge PATCH of
/// /status with the resourceVersion precondition, the planned ingress and our condition), from a few concurrent
/// HTTP clients, on Services of another load-balancer class so that the operator ignores them. This is the ceiling
/// any controller writing statuses one by one would hit, measured on the same machine in the same run.
/// </summary>
internal static class WriteRateProbe
{
    private const string OtherClass = "example.com/not-ours";

    /// <summary>Status writes per second; the probe Services are deleted afterwards.</summary>
    public static async Task<double> MeasureAsync(KubeApiSimulator simulator, IReadOnlyList<ServicePlan> bodies, int writes, int clients)
    {
        var names = new string[writes];
        var patches = new string[writes];
        for (var i = 0; i < writes; i++)
        {
            names[i] = string.Create(CultureInfo.InvariantCulture, $"rate-probe-{i:D5}");
            var service = ClusterObjects.Service(names[i], local: false, selector: null, dualStack: false);
            service.Spec.LoadBalancerClass = OtherClass;
            var stored = simulator.Store.Create(service);
            var plan = bodies[i % bodies.Count];
            var condition = new DesiredCondition("True", ServiceStatusNames.AssignedReason, $"advertising {plan.Ingress.Count} addresses of {plan.SelectedNodeCount} nodes", DateTimeOffset.UtcNow);
            patches[i] = StatusPatch.Build(stored.Metadata.ResourceVersion, plan.Ingress, condition);
        }

        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var http = new HttpClient(simulator.CreateHttpHandler()) { BaseAddress = simulator.BaseAddress };
            int i;
            while ((i = Interlocked.Increment(ref next)) < writes)
            {
                using var content = new StringContent(patches[i], Encoding.UTF8, "application/strategic-merge-patch+json");
                using var response = await http.PatchAsync(new Uri($"api/v1/namespaces/{ClusterObjects.Namespace}/services/{names[i]}/status", UriKind.Relative), content);
                response.EnsureSuccessStatusCode();
            }
        })));
        var rate = writes / clock.Elapsed.TotalSeconds;
        foreach (var name in names)
        {
            simulator.Store.Delete<V1Service>(name, ClusterObjects.Namespace);
        }

        return rate;
    }
}
