using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Labels;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// Turns a Node as read from the API into the <see cref="NodeFacts"/> the Node cache keeps. What it reads is all the
/// operator ever reads of a node; everything else is skipped while the JSON is read (<see cref="Configure"/>), so it
/// is never allocated. Strings are shared through the pool. Never throws on odd content.
/// </summary>
internal sealed class NodeAdapter(NamePool names)
{
    // One delegate for every node, not one per call.
    private readonly Func<string, string> share = names.Share;

    /// <summary>The facts of <paramref name="node"/>, without sharing (offline <c>plan</c>, tests).</summary>
    public static NodeFacts From(V1Node node) => Adapt(node, share: null);

    /// <summary>Registers the Node informer: this adapter, and what it never reads skipped on read.</summary>
    public static void Configure(InformerSetup<V1Node, NodeFacts> setup) =>
        setup.SkipOnRead<V1ObjectMeta>("annotations", "managedFields", "ownerReferences")
            .SkipOnRead<V1NodeStatus>(
                "allocatable", "capacity", "config", "daemonEndpoints", "images", "nodeInfo", "volumesAttached", "volumesInUse")
            .SkipOnRead<V1NodeCondition>("lastHeartbeatTime", "message", "reason");

    /// <summary>The facts of <paramref name="node"/>, its names, labels and addresses shared.</summary>
    public NodeFacts Adapt(V1Node node) => Adapt(node, share);

    private static NodeFacts Adapt(V1Node node, Func<string, string>? share)
    {
        var metadata = node.Metadata;
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c?.Type == WellKnown.ReadyCondition);
        return NodeFacts.Create(
            Shared(share, metadata?.Name) ?? string.Empty,
            NodeLabels.From(metadata?.Labels, share),
            beingDeleted: metadata?.DeletionTimestamp is not null,
            toBeDeletedTaint: node.Spec?.Taints?.Any(t => t?.Key == WellKnown.ToBeDeletedTaint) == true,
            // Only the address types the facts keep reach the pool: a Hostname or InternalDNS entry would only fill it.
            (node.Status?.Addresses ?? []).Where(a => a?.Type is WellKnown.InternalIpType or WellKnown.ExternalIpType)
                .Select(a => ((string?)a.Type, Shared(share, a.Address))),
            Shared(share, ready?.Status),
            ready?.LastTransitionTime is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    private static string? Shared(Func<string, string>? share, string? value) => value is null || share is null ? value : share(value);
}
