using k8s.Models;
using NodeIpam.Operator.Domain;
using NodeIpam.Runtime.Informers;

namespace NodeIpam.Operator.Caching;

/// <summary>
/// Turns a Node as read from the API into the <see cref="NodeFacts"/> the Node cache keeps. What it reads is all the
/// operator ever reads of a node; everything else is skipped while the JSON is read (<see cref="Configure"/>), so it
/// is never allocated. Strings are shared through the pool. Never throws on odd content.
/// </summary>
internal sealed class NodeAdapter(NamePool names)
{
    /// <summary>The facts of <paramref name="node"/>, without sharing (offline <c>plan</c>, tests).</summary>
    public static NodeFacts From(V1Node node) => Adapt(node, share: null);

    /// <summary>Registers the Node informer: this adapter, and what it never reads skipped on read.</summary>
    public static void Configure(InformerSetup<V1Node, NodeFacts> setup) =>
        setup.SkipOnRead<V1ObjectMeta>("annotations", "managedFields", "ownerReferences")
            .SkipOnRead<V1NodeStatus>(
                "allocatable", "capacity", "config", "daemonEndpoints", "images", "nodeInfo", "volumesAttached", "volumesInUse")
            .SkipOnRead<V1NodeCondition>("lastHeartbeatTime", "message", "reason");

    /// <summary>The facts of <paramref name="node"/>, its names, labels and addresses shared.</summary>
    public NodeFacts Adapt(V1Node node) => Adapt(node, names);

    private static NodeFacts Adapt(V1Node node, NamePool? share)
    {
        var metadata = node.Metadata;
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c?.Type == WellKnown.ReadyCondition);
        return NodeFacts.Create(
            Shared(share, metadata?.Name) ?? string.Empty,
            share is null ? metadata?.Labels?.AsReadOnly() : share.Share(metadata?.Labels),
            beingDeleted: metadata?.DeletionTimestamp is not null,
            toBeDeletedTaint: node.Spec?.Taints?.Any(t => t?.Key == WellKnown.ToBeDeletedTaint) == true,
            (node.Status?.Addresses ?? []).Where(a => a is not null).Select(a => ((string?)a.Type, Shared(share, a.Address))),
            Shared(share, ready?.Status),
            ready?.LastTransitionTime is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    private static string? Shared(NamePool? share, string? value) => value is null || share is null ? value : share.Share(value);
}
