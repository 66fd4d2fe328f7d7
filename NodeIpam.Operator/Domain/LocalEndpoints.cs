namespace NodeIpam.Operator.Domain;

/// <summary>
/// For <c>externalTrafficPolicy: Local</c>: the nodes that run endpoints that count. An endpoint counts when it
/// is ready (absent means ready); when none is ready, serving and terminating endpoints count instead (kube-proxy's
/// fallback), so addresses survive a rollout. Only slices in the Service's namespace with its service-name label
/// are read.
/// </summary>
internal sealed class LocalEndpoints
{
    private LocalEndpoints(Dictionary<string, string> endpointByNode, bool usesTerminating)
    {
        EndpointByNode = endpointByNode;
        UsesTerminatingEndpoints = usesTerminating;
    }

    /// <summary>Node name to one of its counting endpoints (for messages).</summary>
    public IReadOnlyDictionary<string, string> EndpointByNode { get; }

    /// <summary>True when no endpoint is ready and serving, terminating ones were used.</summary>
    public bool UsesTerminatingEndpoints { get; }

    /// <summary>Finds the nodes and adds the Service-level warnings (missing slices, nothing ready, no nodeName).</summary>
    public static LocalEndpoints From(ServiceFacts service, IReadOnlyCollection<EndpointSliceFacts> slices, List<PlanWarning> warnings)
    {
        int sliceCount = 0, endpointCount = 0, readyCount = 0, fallbackCount = 0;
        foreach (var slice in slices)
        {
            if (!slice.BelongsTo(service))
            {
                continue;
            }

            sliceCount++;
            foreach (var endpoint in slice.Endpoints)
            {
                endpointCount++;
                readyCount += endpoint.Ready ? 1 : 0;
                fallbackCount += endpoint.ServingAndTerminating ? 1 : 0;
            }
        }

        var usesTerminating = readyCount == 0 && fallbackCount > 0;
        var byNode = new Dictionary<string, string>(StringComparer.Ordinal);
        var withoutNode = new List<string>();
        foreach (var slice in slices)
        {
            if (!slice.BelongsTo(service))
            {
                continue;
            }

            foreach (var endpoint in slice.Endpoints)
            {
                if (!(usesTerminating ? endpoint.ServingAndTerminating : endpoint.Ready))
                {
                    continue;
                }

                if (endpoint.NodeName is null)
                {
                    withoutNode.Add($"{endpoint.Display} (slice {slice.Name})");
                }
                else if (!byNode.TryGetValue(endpoint.NodeName, out var known) || string.CompareOrdinal(endpoint.Display, known) < 0)
                {
                    // The smallest name, so messages do not depend on slice order.
                    byNode[endpoint.NodeName] = endpoint.Display;
                }
            }
        }

        if (sliceCount == 0)
        {
            warnings.Add(new PlanWarning(
                PlanWarningCode.NoEndpointSlice,
                $"no EndpointSlice labelled {WellKnown.ServiceNameLabel}={service.Name} in namespace {service.Namespace}; with externalTrafficPolicy Local only nodes running its endpoints are used"));
        }
        else if (readyCount == 0 && fallbackCount == 0)
        {
            warnings.Add(new PlanWarning(
                PlanWarningCode.NoReadyEndpoints,
                $"no ready endpoints ({MessageList.Count(endpointCount, "endpoint", "endpoints")} in {MessageList.Count(sliceCount, "EndpointSlice", "EndpointSlices")}, none ready or serving while terminating); with externalTrafficPolicy Local only nodes running ready endpoints are used"));
        }
        else if (usesTerminating)
        {
            warnings.Add(new PlanWarning(
                PlanWarningCode.TerminatingEndpointsUsed,
                $"no ready endpoints; using the nodes of {MessageList.Count(fallbackCount, "serving, terminating endpoint", "serving, terminating endpoints")} until new ones are ready"));
        }

        if (withoutNode.Count > 0)
        {
            warnings.Add(new PlanWarning(
                PlanWarningCode.EndpointWithoutNodeName,
                $"{MessageList.Count(withoutNode.Count, "endpoint has", "endpoints have")} no nodeName and {(withoutNode.Count == 1 ? "is" : "are")} skipped: {MessageList.Join(withoutNode)}"));
        }

        return new LocalEndpoints(byNode, usesTerminating);
    }

    /// <summary>Whether the node runs an endpoint that counts.</summary>
    public bool HasEndpointOn(string nodeName) => EndpointByNode.ContainsKey(nodeName);
}
