using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// Gathers the selected nodes' addresses per family and decides, per family, ExternalIP (when any selected node
/// has one of that family) or else InternalIP. Not thread-safe; one per plan.
/// </summary>
internal sealed class AddressCollector
{
    private static readonly Comparison<NodeAddress> ByIp = (a, b) => a.Ip.CompareTo(b.Ip);
    private readonly IReadOnlyList<IpFamily> families;
    private readonly List<NodeAddress>[] external;
    private readonly List<NodeAddress>[] internalAddresses;

    /// <summary>Collects for the given families, in their order.</summary>
    public AddressCollector(IReadOnlyList<IpFamily> families)
    {
        this.families = families;
        external = new List<NodeAddress>[families.Count];
        internalAddresses = new List<NodeAddress>[families.Count];
        for (var i = 0; i < families.Count; i++)
        {
            external[i] = [];
            internalAddresses[i] = [];
        }
    }

    /// <summary>Adds a selected node's addresses.</summary>
    public void Add(NodeFacts node)
    {
        for (var i = 0; i < families.Count; i++)
        {
            external[i].AddRange(node.AddressArray(families[i], NodeAddressType.ExternalIP));

            // Once a family has an ExternalIP its InternalIPs can no longer be chosen.
            if (external[i].Count == 0)
            {
                internalAddresses[i].AddRange(node.AddressArray(families[i], NodeAddressType.InternalIP));
            }
        }
    }

    /// <summary>The ingress IPs (family order, then numeric, distinct) and the per-family choices.</summary>
    public (IReadOnlyList<string> Ingress, IReadOnlyList<FamilyChoice> Choices) Finish()
    {
        var ingress = new List<string>();
        var choices = new FamilyChoice[families.Count];
        for (var i = 0; i < families.Count; i++)
        {
            var useExternal = external[i].Count > 0;
            var chosen = useExternal ? external[i] : internalAddresses[i];
            chosen.Sort(ByIp);
            var before = ingress.Count;
            for (var j = 0; j < chosen.Count; j++)
            {
                if (j == 0 || chosen[j].Ip != chosen[j - 1].Ip)
                {
                    ingress.Add(chosen[j].Text);
                }
            }

            NodeAddressType? type = chosen.Count == 0 ? null : useExternal ? NodeAddressType.ExternalIP : NodeAddressType.InternalIP;
            choices[i] = new FamilyChoice(families[i], type, ingress.Count - before);
        }

        return (ingress, choices);
    }
}
