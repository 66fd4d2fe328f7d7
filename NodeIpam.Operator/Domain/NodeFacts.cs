using NodeIpam.Operator.Domain.Addresses;

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
    /// Builds the facts of a node from what it says. <paramref name="labels"/> is kept as given when it is an ordinal
    /// <see cref="Dictionary{TKey, TValue}"/> (the caller must never change it: the caches share it), else copied.
    /// Only ExternalIP and InternalIP entries of <paramref name="addresses"/> count (type as written, e.g.
    /// <c>InternalIP</c>); they are parsed strictly, and those that are not addresses or cannot receive traffic are
    /// kept aside as <see cref="InvalidAddresses"/>. Never throws on odd content.
    /// </summary>
    public static NodeFacts Create(
        string name,
        IReadOnlyDictionary<string, string>? labels,
        bool beingDeleted,
        bool toBeDeletedTaint,
        IEnumerable<(string? Type, string? Address)> addresses,
        string? readyStatus,
        DateTimeOffset? readyTransition)
    {
        var ownLabels = labels switch
        {
            null or { Count: 0 } => NoLabels,
            Dictionary<string, string> own when own.Comparer == StringComparer.Ordinal => own,
            var source => new Dictionary<string, string>(source, StringComparer.Ordinal),
        };
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

        var arrays = new NodeAddress[4][];
        for (var i = 0; i < 4; i++)
        {
            arrays[i] = slots[i] is { } list ? [.. list] : [];
        }

        var notReady = readyStatus is WellKnown.ConditionFalse or WellKnown.ConditionUnknown;
        return new NodeFacts(name, ownLabels, exclusions, arrays, invalid.Count == 0 ? Array.Empty<InvalidNodeAddress>() : invalid)
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
    public IReadOnlyList<NodeAddress> GetAddresses(IpFamily family, NodeAddressType type) => addresses[Slot(family, type)];

    /// <summary>
    /// The canonical texts of every valid InternalIP and ExternalIP of both families: what a Service could advertise
    /// of this node.
    /// </summary>
    public IEnumerable<string> AllAddressTexts() => addresses.SelectMany(slot => slot).Select(address => address.Text);

    /// <summary>The same as <see cref="GetAddresses"/>, as an array for the planner's hot loop; callers never mutate it.</summary>
    internal NodeAddress[] AddressArray(IpFamily family, NodeAddressType type) => addresses[Slot(family, type)];

    private static int Slot(IpFamily family, NodeAddressType type) => ((int)family * 2) + (int)type;

    /// <summary>Equal when everything the planner reads is equal: name, labels, exclusions, addresses (in order), skipped addresses and readiness.</summary>
    public bool Equals(NodeFacts? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name
                && Exclusions == other.Exclusions
                && ReadyStatus == other.ReadyStatus
                && ReadyTransition == other.ReadyTransition
                && SameLabels(Labels, other.Labels)
                && SameAddresses(other)
                && InvalidAddresses.SequenceEqual(other.InvalidAddresses)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Exclusions, ReadyStatus, Labels.Count);

    /// <summary>True when the valid addresses of every family and type are equal, in order.</summary>
    internal bool SameAddresses(NodeFacts other)
    {
        for (var i = 0; i < addresses.Length; i++)
        {
            if (!addresses[i].AsSpan().SequenceEqual(other.addresses[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
