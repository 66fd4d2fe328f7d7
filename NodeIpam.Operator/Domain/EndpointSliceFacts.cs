namespace NodeIpam.Operator.Domain;

/// <summary>
/// What the planner reads of an EndpointSlice, and so the definition of what the operator caches of one, summarised
/// once per slice change by the shell's adapter (<c>Caching.EndpointSliceAdapter</c>): counts, the distinct nodes of
/// the endpoints that can count, and (rare) the endpoints without a nodeName. Individual endpoints are not kept, so
/// 300,000 cached endpoints cost about one string reference per distinct node per slice. Immutable and value-equal:
/// a change that keeps all of these (a pod IP, a port, one ready endpoint swapped for another on the same nodes)
/// cannot change any plan.
/// </summary>
internal sealed record EndpointSliceFacts
{
    private readonly string[] readyNodeNames;
    private readonly string[] servingTerminatingNodeNames;

    private EndpointSliceFacts(
        string ns,
        string name,
        string? serviceName,
        (int Endpoints, int Ready, int ServingTerminating) counts,
        string[] readyNodeNames,
        string[] servingTerminatingNodeNames,
        EndpointFacts[] withoutNodeName)
    {
        Namespace = ns;
        Name = name;
        ServiceName = serviceName;
        EndpointCount = counts.Endpoints;
        ReadyCount = counts.Ready;
        ServingTerminatingCount = counts.ServingTerminating;
        this.readyNodeNames = readyNodeNames;
        this.servingTerminatingNodeNames = servingTerminatingNodeNames;
        EndpointsWithoutNodeName = withoutNodeName;
    }

    /// <summary>The namespace; only slices in the Service's own namespace count.</summary>
    public string Namespace { get; }

    /// <summary>The slice name, for messages.</summary>
    public string Name { get; }

    /// <summary>The value of the <c>kubernetes.io/service-name</c> label; null when absent.</summary>
    public string? ServiceName { get; }

    /// <summary>How many endpoints the slice has, of any address type and condition.</summary>
    public int EndpointCount { get; }

    /// <summary>How many endpoints are ready.</summary>
    public int ReadyCount { get; }

    /// <summary>How many endpoints are serving and terminating.</summary>
    public int ServingTerminatingCount { get; }

    /// <summary>The distinct nodes of ready endpoints, in ordinal order.</summary>
    public IReadOnlyList<string> ReadyNodeNames => readyNodeNames;

    /// <summary>The distinct nodes of serving, terminating endpoints, in ordinal order.</summary>
    public IReadOnlyList<string> ServingTerminatingNodeNames => servingTerminatingNodeNames;

    /// <summary>The endpoints that name no node, in slice order (with their conditions and display names, for messages).</summary>
    public IReadOnlyList<EndpointFacts> EndpointsWithoutNodeName { get; }

    /// <summary>Whether any endpoint lacks a nodeName.</summary>
    public bool HasEndpointWithoutNodeName => EndpointsWithoutNodeName.Count > 0;

    /// <summary>
    /// Summarises a slice's <paramref name="endpoints"/> (conditions already defaulted); never throws on odd content.
    /// <paramref name="share"/> may return one shared instance per distinct name (the operator's caches do, to save
    /// memory); it must return an equal string.
    /// </summary>
    public static EndpointSliceFacts Create(
        string ns, string name, string? serviceName, IEnumerable<EndpointFacts> endpoints, Func<string, string>? share = null)
    {
        int count = 0, ready = 0, servingTerminating = 0;
        var readyNodes = new HashSet<string>(StringComparer.Ordinal);
        var servingTerminatingNodes = new HashSet<string>(StringComparer.Ordinal);
        List<EndpointFacts>? withoutNodeName = null;
        foreach (var endpoint in endpoints)
        {
            count++;
            ready += endpoint.Ready ? 1 : 0;
            servingTerminating += endpoint.ServingAndTerminating ? 1 : 0;
            if (string.IsNullOrEmpty(endpoint.NodeName))
            {
                (withoutNodeName ??= []).Add(endpoint with { NodeName = null });
            }
            else
            {
                if (endpoint.Ready)
                {
                    readyNodes.Add(endpoint.NodeName);
                }

                if (endpoint.ServingAndTerminating)
                {
                    servingTerminatingNodes.Add(endpoint.NodeName);
                }
            }
        }

        share ??= static text => text;
        return new EndpointSliceFacts(
            share(ns),
            share(name),
            serviceName is null ? null : share(serviceName),
            (count, ready, servingTerminating),
            Sorted(readyNodes, share),
            Sorted(servingTerminatingNodes, share),
            withoutNodeName is null ? [] : [.. withoutNodeName]);
    }

    /// <summary>Whether this slice belongs to the Service (same namespace, service-name label equal to its name).</summary>
    public bool BelongsTo(ServiceFacts service) =>
        ServiceName is not null && ServiceName == service.Name && Namespace == service.Namespace;

    /// <summary>Whether an endpoint on <paramref name="nodeName"/> can count (ready, or serving and terminating).</summary>
    public bool CountsOn(string nodeName) =>
        Array.BinarySearch(readyNodeNames, nodeName, StringComparer.Ordinal) >= 0
        || Array.BinarySearch(servingTerminatingNodeNames, nodeName, StringComparer.Ordinal) >= 0;

    /// <summary>Equal when everything the planner reads is equal: identity, Service, counts, node sets and endpoints without a nodeName.</summary>
    public bool Equals(EndpointSliceFacts? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name
                && ServiceName == other.ServiceName
                && Namespace == other.Namespace
                && (EndpointCount, ReadyCount, ServingTerminatingCount) == (other.EndpointCount, other.ReadyCount, other.ServingTerminatingCount)
                && readyNodeNames.AsSpan().SequenceEqual(other.readyNodeNames)
                && servingTerminatingNodeNames.AsSpan().SequenceEqual(other.servingTerminatingNodeNames)
                && EndpointsWithoutNodeName.SequenceEqual(other.EndpointsWithoutNodeName)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Namespace, Name, ServiceName, EndpointCount, ReadyCount);

    private static string[] Sorted(HashSet<string> names, Func<string, string> share)
    {
        var sorted = names.Select(share).ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
