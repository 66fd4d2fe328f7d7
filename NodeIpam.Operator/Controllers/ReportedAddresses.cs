using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Controllers;

/// <summary>The addresses a node reports that a Service could advertise: its valid InternalIPs and ExternalIPs, both families.</summary>
internal static class ReportedAddresses
{
    private static readonly IpFamily[] Families = [IpFamily.IPv4, IpFamily.IPv6];
    private static readonly NodeAddressType[] Types = [NodeAddressType.InternalIP, NodeAddressType.ExternalIP];

    /// <summary>The canonical texts of <paramref name="node"/>'s addresses.</summary>
    public static IEnumerable<string> Of(NodeFacts node)
    {
        foreach (var family in Families)
        {
            foreach (var type in Types)
            {
                foreach (var address in node.GetAddresses(family, type))
                {
                    yield return address.Text;
                }
            }
        }
    }
}
