using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Domain;

namespace NodeIpam.Playground;

/// <summary>
/// Compares every Service's status with what the domain computes from the same objects (what <c>plan</c> prints).
/// A managed Service has settled when its ingress equals the plan; one with an invalid selector keeps its status and
/// has settled once a Warning Event about it exists. Unmanaged Services are never touched, so they have always settled.
/// </summary>
internal static class SettleCheck
{
    public static IReadOnlyList<ServiceRow> Rows(
        IReadOnlyList<V1Service> services,
        IReadOnlyList<V1Node> nodes,
        IReadOnlyList<V1EndpointSlice> slices,
        IReadOnlyList<Eventsv1Event> events,
        ManagementOptions management)
    {
        var nodeFacts = nodes.Select(NodeAdapter.From).ToList();
        var sliceFacts = slices.Select(s => EndpointSliceAdapter.From(s)).ToList();
        return [.. services
            .Where(s => s.Spec?.Type == "LoadBalancer")
            .OrderBy(s => s.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(s => s.Metadata.Name, StringComparer.Ordinal)
            .Select(s => Row(s, ServicePlanner.Plan(ServiceAdapter.Facts(s, management), nodeFacts, sliceFacts), events))];
    }

    private static ServiceRow Row(V1Service service, ServicePlan plan, IReadOnlyList<Eventsv1Event> events)
    {
        var key = $"{service.Metadata.NamespaceProperty}/{service.Metadata.Name}";
        var actual = service.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip ?? i.Hostname).OfType<string>().ToList() ?? [];
        var policy = service.Spec.ExternalTrafficPolicy ?? "Cluster";
        var selector = service.Metadata.Annotations?.TryGetValue(WellKnown.MatchNodeLabelsAnnotation, out var text) == true ? text : "";
        if (!plan.Managed)
        {
            return new ServiceRow(key, false, policy, selector, [], actual, plan.UnmanagedReason ?? "not managed", Settled: true);
        }

        if (plan.Error is { } error)
        {
            var warned = events.Any(e => e.Type == "Warning" && e.Regarding?.Name == service.Metadata.Name
                && e.Regarding?.NamespaceProperty == service.Metadata.NamespaceProperty);
            return new ServiceRow(key, true, policy, selector, actual, actual, error, warned);
        }

        var note = plan.Warnings.Count > 0 ? plan.Warnings[0].Message : "ok";
        return new ServiceRow(key, true, policy, selector, plan.Ingress, actual, note, actual.SequenceEqual(plan.Ingress));
    }
}
