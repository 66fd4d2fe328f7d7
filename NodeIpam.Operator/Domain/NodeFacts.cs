using System.Runtime.CompilerServices;
using NodeIpam.Operator.Domain.Addresses;
using NodeIpam.Operator.Domain.Labels;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// What the planner reads of a Node, and so the definition of what the operator caches of one: name, labels,
/// exclusions, strictly parsed addresses and the Ready condition's status and transition time (never its heartbeat,
/// reason or message). Built by the shell's adapter (<c>Caching.NodeAdapter</c>) once per node change. Immutable and
/// value-equal: two versions of a node that are equal cannot plan differently, which is what lets a heartbeat cost
/// nothing.
/// </summary>
internal sealed record NodeFacts
{
    // The valid addresses in one array grouped by slot (Slot: family * 2 + type), in the node's order within a slot:
    // slot s is [s == 0 ? 0 : slotEnds[s - 1], slotEnds[s]). One array per node instead of five (an outer one and one
    // per slot): the cache keeps a record per node.
    private readonly NodeAddress[] addresses;
    private readonly SlotEnds slotEnds;

    private NodeFacts(string name, NodeLabels labels, NodeExclusions exclusions, NodeAddress[] addresses, SlotEnds slotEnds, IReadOnlyList<InvalidNodeAddress> invalidAddresses)
    {
        Name = name;
        Labels = labels;
        Exclusions = exclusions;
        this.addresses = addresses;
        this.slotEnds = slotEnds;
        InvalidAddresses = invalidAddresses;
    }

    /// <summary>The node name.</summary>
    public string Name { get; }

    /// <summary>The node labels.</summary>
    public NodeLabels Labels { get; }

    /// <summary>Why the node is not eligible; <see cref="NodeExclusions.None"/> when it is.</summary>
    public NodeExclusions Exclusions { get; }

    /// <summary>InternalIP/ExternalIP entries that are not strict IP addresses or cannot receive traffic; they are skipped.</summary>
    public IReadOnlyList<InvalidNodeAddress> InvalidAddresses { get; }

    /// <summary>
    /// The Ready condition's status when it makes the node NotReady ("False" or "Unknown"); null when the node counts
    /// as ready (Ready is True, anything else, or absent): the rules read no more, so two ready versions are equal.
    /// </summary>
    public string? ReadyStatus { get; private init; }

    /// <summary>The Ready condition's lastTransitionTime (UTC) while the node is NotReady; null when ready or absent.</summary>
    public DateTimeOffset? ReadyTransition { get; private init; }

    /// <summary>
    /// True when the Ready condition is False or Unknown. A node without a Ready condition counts as ready: only the
    /// kubelet's own report makes a node NotReady (as in Cilium, which ignores readiness altogether).
    /// </summary>
    public bool IsNotReady => ReadyStatus is WellKnown.ConditionFalse or WellKnown.ConditionUnknown;

    /// <summary>
    /// Builds the facts of a node from what it says; null labels are none. Only ExternalIP and InternalIP entries of <paramref name="addresses"/> count (type as written, e.g.
    /// <c>InternalIP</c>); they are parsed strictly, and those that are not addresses or cannot receive traffic are
    /// kept aside as <see cref="InvalidAddresses"/>. Never throws on odd content.
    /// </summary>
    public static NodeFacts Create(
        string name,
        NodeLabels? labels,
        bool beingDeleted,
        bool toBeDeletedTaint,
        IEnumerable<(string? Type, string? Address)> addresses,
        string? readyStatus,
        DateTimeOffset? readyTransition)
    {
        var ownLabels = labels ?? NodeLabels.Empty;
        var exclusions = NodeExclusions.None;
        if (beingDeleted)
        {
            exclusions |= NodeExclusions.BeingDeleted;
        }

        if (ownLabels.ContainsKey(WellKnown.ExcludeFromLoadBalancersLabel))
        {
            exclusions |= NodeExclusions.ExcludeLabel;
        }

        if (toBeDeletedTaint)
        {
            exclusions |= NodeExclusions.ToBeDeletedTaint;
        }

        var slots = new List<NodeAddress>[4];
        var invalid = new List<InvalidNodeAddress>();
        foreach (var (typeText, text) in addresses)
        {
            NodeAddressType type;
            switch (typeText)
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

            if (NodeAddress.Read(type, text, out var parsed) is { } skipped)
            {
                invalid.Add(skipped);
            }
            else
            {
                (slots[Slot(parsed.Ip.Family, type)] ??= []).Add(parsed);
            }
        }

        var count = slots.Sum(slot => slot?.Count ?? 0);
        NodeAddress[] valid = count == 0 ? [] : new NodeAddress[count];
        var ends = default(SlotEnds);
        for (int i = 0, at = 0; i < 4; i++)
        {
            slots[i]?.CopyTo(valid, at);
            ends[i] = at += slots[i]?.Count ?? 0;
        }

        var notReady = readyStatus is WellKnown.ConditionFalse or WellKnown.ConditionUnknown;
        return new NodeFacts(name, ownLabels, exclusions, valid, ends, invalid.Count == 0 ? Array.Empty<InvalidNodeAddress>() : invalid.ToArray())
        {
            ReadyStatus = notReady ? readyStatus : null,
            ReadyTransition = notReady ? readyTransition?.ToUniversalTime() : null,
        };
    }

    /// <summary>
    /// When the node's NotReady grace runs out: the transition time plus <paramref name="grace"/>; null while the node
    /// is ready. A NotReady condition without a transition time is taken as NotReady for longer than any grace.
    /// </summary>
    public DateTimeOffset? NotReadyDeadline(TimeSpan grace) =>
        !IsNotReady ? null : ReadyTransition is { } since ? since + grace : DateTimeOffset.MinValue;

    /// <summary>The node's valid addresses of one family and type, in the order the node lists them.</summary>
    public IReadOnlyList<NodeAddress> GetAddresses(IpFamily family, NodeAddressType type)
    {
        var slot = Slot(family, type);
        var start = slot == 0 ? 0 : slotEnds[slot - 1];
        return new ArraySegment<NodeAddress>(addresses, start, slotEnds[slot] - start);
    }

    /// <summary>The same as <see cref="GetAddresses"/>, as a span for the planner's hot loop (no allocation).</summary>
    /// <remarks>Inlined on purpose: the planner reads it for every node of every plan; as a call it measured 2.5 times the per-slot arrays it replaced.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<NodeAddress> AddressSpan(IpFamily family, NodeAddressType type)
    {
        var slot = Slot(family, type);
        var start = slot == 0 ? 0 : slotEnds[slot - 1];
        return addresses.AsSpan(start, slotEnds[slot] - start);
    }

    /// <summary>
    /// The canonical texts of every valid InternalIP and ExternalIP of both families: what a Service could advertise
    /// of this node.
    /// </summary>
    public IEnumerable<string> AllAddressTexts() => addresses.Select(address => address.Text);

    private static int Slot(IpFamily family, NodeAddressType type) => ((int)family * 2) + (int)type;

    /// <summary>Equal when everything the planner reads is equal: name, labels, exclusions, addresses (in order), skipped addresses and readiness.</summary>
    public bool Equals(NodeFacts? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name
                && Exclusions == other.Exclusions
                && ReadyStatus == other.ReadyStatus
                && ReadyTransition == other.ReadyTransition
                && Labels.Equals(other.Labels)
                && SameAddresses(other)
                && InvalidAddresses.SequenceEqual(other.InvalidAddresses)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Exclusions, ReadyStatus, Labels.Count);

    /// <summary>True when the valid addresses of every family and type are equal, in order.</summary>
    internal bool SameAddresses(NodeFacts other) =>
        ((ReadOnlySpan<int>)slotEnds).SequenceEqual(other.slotEnds) && addresses.AsSpan().SequenceEqual(other.addresses);

    // Where each slot's addresses end in the array: four ints inline in the record, not an array of their own.
    [InlineArray(4)]
    private struct SlotEnds
    {
        private int first;
    }
}
