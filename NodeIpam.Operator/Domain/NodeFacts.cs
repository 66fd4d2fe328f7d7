using k8s.Models;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// What the planner needs from a Node, extracted once per node change: name, labels, exclusions, strictly parsed
/// addresses and the Ready condition's status and transition time. Reads only name, labels, deletionTimestamp,
/// spec.taints, status.addresses and the Ready condition's status and lastTransitionTime (never its heartbeat, reason
/// or message), so a trimmed informer cache suffices. Immutable.
/// </summary>
internal sealed class NodeFacts
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    // Indexed by AddressSlot: [family * 2 + type].
    private readonly NodeAddress[][] addresses;

    private NodeFacts(string name, IReadOnlyDictionary<string, string> labels, NodeExclusions exclusions, NodeAddress[][] addresses, IReadOnlyList<InvalidNodeAddress> invalidAddresses)
    {
        Name = name;
        Labels = labels;
        Exclusions = exclusions;
        this.addresses = addresses;
        InvalidAddresses = invalidAddresses;
    }

    /// <summary>The node name.</summary>
    public string Name { get; }

    /// <summary>The node labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Why the node is not eligible; <see cref="NodeExclusions.None"/> when it is.</summary>
    public NodeExclusions Exclusions { get; }

    /// <summary>InternalIP/ExternalIP entries that are not strict IP addresses or cannot receive traffic; they are skipped.</summary>
    public IReadOnlyList<InvalidNodeAddress> InvalidAddresses { get; }

    /// <summary>The Ready condition's status ("True", "False", "Unknown", as written); null when the node has none.</summary>
    public string? ReadyStatus { get; private init; }

    /// <summary>The Ready condition's lastTransitionTime (UTC); null when absent.</summary>
    public DateTimeOffset? ReadyTransition { get; private init; }

    /// <summary>
    /// True when the Ready condition is False or Unknown. A node without a Ready condition counts as ready: only the
    /// kubelet's own report makes a node NotReady (as in Cilium, which ignores readiness altogether).
    /// </summary>
    public bool IsNotReady => ReadyStatus is WellKnown.ConditionFalse or WellKnown.ConditionUnknown;

    /// <summary>Extracts the facts from a node (which may be trimmed to the fields above).</summary>
    public static NodeFacts From(V1Node node) => From(node, shareLabels: false);

    /// <summary>
    /// Extracts the facts; with <paramref name="shareLabels"/> the node's own ordinal label dictionary is kept
    /// instead of copied (the operator's caches: their objects are never modified, and 5,000 copies cost megabytes).
    /// </summary>
    public static NodeFacts From(V1Node node, bool shareLabels)
    {
        var labels = node.Metadata?.Labels switch
        {
            null or { Count: 0 } => NoLabels,
            Dictionary<string, string> own when shareLabels && own.Comparer == StringComparer.Ordinal => own,
            var source => new Dictionary<string, string>(source, StringComparer.Ordinal),
        };
        var exclusions = NodeExclusions.None;
        if (node.Metadata?.DeletionTimestamp is not null)
        {
            exclusions |= NodeExclusions.BeingDeleted;
        }

        if (labels.ContainsKey(WellKnown.ExcludeFromLoadBalancersLabel))
        {
            exclusions |= NodeExclusions.ExcludeLabel;
        }

        if (node.Spec?.Taints?.Any(t => t?.Key == WellKnown.ToBeDeletedTaint) == true)
        {
            exclusions |= NodeExclusions.ToBeDeletedTaint;
        }

        var slots = new List<NodeAddress>[4];
        var invalid = new List<InvalidNodeAddress>();
        foreach (var address in node.Status?.Addresses ?? [])
        {
            NodeAddressType type;
            switch (address?.Type)
            {
                case WellKnown.ExternalIpType:
                    type = NodeAddressType.ExternalIP;
                    break;
                case WellKnown.InternalIpType:
                    type = NodeAddressType.InternalIP;
                    break;
                default:
                    continue;
            }

            if (NodeAddress.Read(type, address.Address, out var parsed) is { } skipped)
            {
                invalid.Add(skipped);
            }
            else
            {
                (slots[Slot(parsed.Ip.Family, type)] ??= []).Add(parsed);
            }
        }

        var arrays = new NodeAddress[4][];
        for (var i = 0; i < 4; i++)
        {
            arrays[i] = slots[i] is { } list ? [.. list] : [];
        }

        var ready = node.Status?.Conditions?.FirstOrDefault(c => c?.Type == WellKnown.ReadyCondition);
        return new NodeFacts(node.Metadata?.Name ?? string.Empty, labels, exclusions, arrays, invalid.Count == 0 ? [] : invalid)
        {
            ReadyStatus = ready?.Status,
            ReadyTransition = ready?.LastTransitionTime is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        };
    }

    /// <summary>
    /// When the node's NotReady grace runs out: the transition time plus <paramref name="grace"/>; null while the node
    /// is ready. A NotReady condition without a transition time is taken as NotReady for longer than any grace.
    /// </summary>
    public DateTimeOffset? NotReadyDeadline(TimeSpan grace) =>
        !IsNotReady ? null : ReadyTransition is { } since ? since + grace : DateTimeOffset.MinValue;

    /// <summary>The node's valid addresses of one family and type, in the order the node lists them.</summary>
    public IReadOnlyList<NodeAddress> GetAddresses(IpFamily family, NodeAddressType type) => addresses[Slot(family, type)];

    /// <summary>
    /// The canonical texts of every valid InternalIP and ExternalIP of both families: what a Service could advertise
    /// of this node.
    /// </summary>
    public IEnumerable<string> AllAddressTexts() => addresses.SelectMany(slot => slot).Select(address => address.Text);

    /// <summary>The same as <see cref="GetAddresses"/>, as an array for the planner's hot loop; callers never mutate it.</summary>
    internal NodeAddress[] AddressArray(IpFamily family, NodeAddressType type) => addresses[Slot(family, type)];

    private static int Slot(IpFamily family, NodeAddressType type) => ((int)family * 2) + (int)type;
}
