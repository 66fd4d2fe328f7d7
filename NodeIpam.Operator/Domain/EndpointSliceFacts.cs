using k8s.Models;

namespace NodeIpam.Operator.Domain;

/// <summary>What the planner needs from an EndpointSlice, extracted once per slice change. Immutable.</summary>
internal sealed class EndpointSliceFacts
{
    private EndpointSliceFacts(string ns, string name, string? serviceName, IReadOnlyList<EndpointFacts> endpoints)
    {
        Namespace = ns;
        Name = name;
        ServiceName = serviceName;
        Endpoints = endpoints;

        // Summarised once per slice change so that planning a Local Service touches node names, not endpoints.
        ReadyCount = endpoints.Count(e => e.Ready);
        ServingTerminatingCount = endpoints.Count(e => e.ServingAndTerminating);
        ReadyNodeNames = [.. endpoints.Where(e => e.Ready && e.NodeName is not null).Select(e => e.NodeName!).Distinct(StringComparer.Ordinal)];
        ServingTerminatingNodeNames = [.. endpoints.Where(e => e.ServingAndTerminating && e.NodeName is not null).Select(e => e.NodeName!).Distinct(StringComparer.Ordinal)];
        HasEndpointWithoutNodeName = endpoints.Any(e => e.NodeName is null);
    }

    /// <summary>The namespace; only slices in the Service's own namespace count.</summary>
    public string Namespace { get; }

    /// <summary>The slice name, for messages.</summary>
    public string Name { get; }

    /// <summary>The value of the <c>kubernetes.io/service-name</c> label; null when absent.</summary>
    public string? ServiceName { get; }

    /// <summary>The endpoints, of any address type.</summary>
    public IReadOnlyList<EndpointFacts> Endpoints { get; }

    /// <summary>How many endpoints are ready.</summary>
    public int ReadyCount { get; }

    /// <summary>How many endpoints are serving and terminating.</summary>
    public int ServingTerminatingCount { get; }

    /// <summary>The distinct nodes of ready endpoints.</summary>
    public IReadOnlyList<string> ReadyNodeNames { get; }

    /// <summary>The distinct nodes of serving, terminating endpoints.</summary>
    public IReadOnlyList<string> ServingTerminatingNodeNames { get; }

    /// <summary>Whether any endpoint lacks a nodeName.</summary>
    public bool HasEndpointWithoutNodeName { get; }

    /// <summary>Extracts the facts; never throws on odd content.</summary>
    public static EndpointSliceFacts From(V1EndpointSlice slice)
    {
        string? serviceName = null;
        _ = slice.Metadata?.Labels?.TryGetValue(WellKnown.ServiceNameLabel, out serviceName);
        var endpoints = new List<EndpointFacts>(slice.Endpoints?.Count ?? 0);
        foreach (var endpoint in slice.Endpoints ?? [])
        {
            if (endpoint is null)
            {
                continue;
            }

            var conditions = endpoint.Conditions;
            var ready = conditions?.Ready ?? true;
            var serving = conditions?.Serving ?? ready;
            var terminating = conditions?.Terminating ?? false;
            var display = endpoint.TargetRef?.Name ?? endpoint.Addresses?.FirstOrDefault() ?? "(unnamed endpoint)";
            endpoints.Add(new EndpointFacts(string.IsNullOrEmpty(endpoint.NodeName) ? null : endpoint.NodeName, ready, serving && terminating, display));
        }

        return new EndpointSliceFacts(slice.Metadata?.NamespaceProperty ?? string.Empty, slice.Metadata?.Name ?? string.Empty, serviceName, endpoints);
    }

    /// <summary>Whether this slice belongs to the Service (same namespace, service-name label equal to its name).</summary>
    public bool BelongsTo(ServiceFacts service) =>
        ServiceName is not null && ServiceName == service.Name && Namespace == service.Namespace;
}
