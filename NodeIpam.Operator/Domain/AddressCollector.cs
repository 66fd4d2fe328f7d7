using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// Gathers the selected nodes' addresses per family and decides, per family, ExternalIP (when any selected node
/// has one of that family) or else InternalIP. Not thread-safe; one per plan; dispose to return its buffers.
/// </summary>
internal sealed class AddressCollector : IDisposable
{
    private readonly IReadOnlyList<IpFamily> families;
    private readonly AddressBuffer[] external;
    private readonly AddressBuffer[] internalAddresses;

    /// <summary>Collects for the given families, in their order.</summary>
    public AddressCollector(IReadOnlyList<IpFamily> families)
    {
        this.families = families;
        external = new AddressBuffer[families.Count];
        internalAddresses = new AddressBuffer[families.Count];
        for (var i = 0; i < families.Count; i++)
        {
            external[i] = new AddressBuffer();
            internalAddresses[i] = new AddressBuffer();
        }
    }

    /// <summary>Adds a selected node's addresses.</summary>
    public void Add(NodeFacts node)
    {
        for (var i = 0; i < families.Count; i++)
        {
            var externals = node.AddressSpan(families[i], NodeAddressType.ExternalIP);
            if (externals.Length > 0)
            {
                external[i].Add(externals);
            }

            // Once a family has an ExternalIP its InternalIPs can no longer be chosen.
            var internals = node.AddressSpan(families[i], NodeAddressType.InternalIP);
            if (external[i].Count == 0 && internals.Length > 0)
            {
                internalAddresses[i].Add(internals);
            }
        }
    }

    /// <summary>The ingress IPs (family order, then numeric, distinct) and the per-family choices.</summary>
    public (IReadOnlyList<string> Ingress, IReadOnlyList<FamilyChoice> Choices) Finish()
    {
        var capacity = 0;
        for (var i = 0; i < families.Count; i++)
        {
            capacity += external[i].Count > 0 ? external[i].Count : internalAddresses[i].Count;
        }

        var ingress = new List<string>(capacity);
        var choices = new FamilyChoice[families.Count];
        for (var i = 0; i < families.Count; i++)
        {
            var useExternal = external[i].Count > 0;
            var chosen = useExternal ? external[i] : internalAddresses[i];
            var count = chosen.AppendSortedDistinct(ingress);
            NodeAddressType? type = chosen.Count == 0 ? null : useExternal ? NodeAddressType.ExternalIP : NodeAddressType.InternalIP;
            choices[i] = new FamilyChoice(families[i], type, count);
        }

        return (ingress, choices);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var buffer in external.Concat(internalAddresses))
        {
            buffer.Dispose();
        }
    }
}
