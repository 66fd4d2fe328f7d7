namespace NodeIpam.Operator.Domain;

/// <summary>
/// For <c>externalTrafficPolicy: Local</c>: the nodes that run endpoints that count. An endpoint counts when it
/// is ready (absent means ready); when none is ready, serving and terminating endpoints count instead (kube-proxy's
/// fallback), so addresses survive a rollout. Only slices in the Service's namespace with its service-name label
/// are read.
/// </summary>
internal sealed class LocalEndpoints
{
    private readonly ServiceFacts service;
    private readonly IReadOnlyCollection<EndpointSliceFacts> slices;
    private readonly HashSet<string> nodeNames;

    private LocalEndpoints(ServiceFacts service, IReadOnlyCollection<EndpointSliceFacts> slices, HashSet<string> nodeNames, bool usesTerminating)
    {
        this.service = service;
        this.slices = slices;
        this.nodeNames = nodeNames;
        UsesTerminatingEndpoints = usesTerminating;
    }

    /// <summary>The nodes running an endpoint that counts.</summary>
    public IReadOnlySet<string> NodeNames => nodeNames;

    /// <summary>True when no endpoint is ready and serving, terminating ones were used.</summary>
    public bool UsesTerminatingEndpoints { get; }

    /// <summary>Finds the nodes and adds the Service-level warnings (missing slices, nothing ready, no nodeName); <paramref name="nodeCount"/> sizes the set.</summary>
    public static LocalEndpoints From(ServiceFacts service, IReadOnlyCollection<EndpointSliceFacts> slices, int nodeCount, List<PlanWarning> warnings)
    {
        int sliceCount = 0, endpointCount = 0, readyCount = 0, fallbackCount = 0, readyNodes = 0, fallbackNodes = 0;
        foreach (var slice in slices)
        {
            if (slice.BelongsTo(service))
            {
                sliceCount++;
                endpointCount += slice.EndpointCount;
                readyCount += slice.ReadyCount;
                fallbackCount += slice.ServingTerminatingCount;
                readyNodes += slice.ReadyNodeNames.Count;
                fallbackNodes += slice.ServingTerminatingNodeNames.Count;
            }
        }

        var usesTerminating = readyCount == 0 && fallbackCount > 0;
        // Sized once: at most one entry per node (a few more only when endpoints name unknown nodes).
        var names = new HashSet<string>(Math.Min(usesTerminating ? fallbackNodes : readyNodes, nodeCount), StringComparer.Ordinal);
        var withoutNode = false;
        foreach (var slice in slices)
        {
            if (slice.BelongsTo(service))
            {
                foreach (var name in usesTerminating ? slice.ServingTerminatingNodeNames : slice.ReadyNodeNames)
                {
                    names.Add(name);
                }

                withoutNode |= slice.HasEndpointWithoutNodeName;
            }
        }

        var local = new LocalEndpoints(service, slices, names, usesTerminating);
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

        if (withoutNode && local.CountingEndpointsWithoutNodeName().Select(e => $"{e.Endpoint.Display} (slice {e.Slice})").ToList() is { Count: > 0 } skipped)
        {
            warnings.Add(new PlanWarning(
                PlanWarningCode.EndpointWithoutNodeName,
                $"{MessageList.Count(skipped.Count, "endpoint has", "endpoints have")} no nodeName and {(skipped.Count == 1 ? "is" : "are")} skipped: {MessageList.Join(skipped)}"));
        }

        return local;
    }

    /// <summary>Whether the node runs an endpoint that counts.</summary>
    public bool HasEndpointOn(string nodeName) => nodeNames.Contains(nodeName);

    /// <summary>
    /// For messages: where the endpoints that count on the node are, as "slice name" (the ordinally smallest
    /// such slice). Slices, not pods: the cache keeps no per-endpoint names (see <see cref="EndpointSliceFacts"/>).
    /// </summary>
    public string ExampleEndpointOn(string nodeName) =>
        (from slice in slices
         where slice.BelongsTo(service)
         where (UsesTerminatingEndpoints ? slice.ServingTerminatingNodeNames : slice.ReadyNodeNames).Contains(nodeName, StringComparer.Ordinal)
         select slice.Name).Min(StringComparer.Ordinal) is { } name
            ? $"slice {name}"
            : nodeName;

    private IEnumerable<(string Slice, EndpointFacts Endpoint)> CountingEndpointsWithoutNodeName() =>
        from slice in slices
        where slice.BelongsTo(service)
        from endpoint in slice.EndpointsWithoutNodeName
        where UsesTerminatingEndpoints ? endpoint.ServingAndTerminating : endpoint.Ready
        select (slice.Name, endpoint);
}
