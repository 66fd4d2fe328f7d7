using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>
/// Keeps a Service's addresses to a cap per family (<see cref="WellKnown.MaxAddressesPerFamilyAnnotation"/>) and its
/// ingress within what the API server stores. Per family, the candidate nodes (selected, with an address of the chosen
/// type) are ranked by <see cref="RankKey"/>, a SHA-256 of <c>uid/node</c>: the same in every process, so a restart or
/// a new leader keeps the same nodes, and a node coming or going moves no other node's rank (rendezvous hashing).
/// The addresses of the top nodes are kept until the cap; the output order stays numeric. Pure.
/// </summary>
internal static class AddressCap
{
    /// <summary>
    /// Most bytes the ingress list may take as JSON: 1 MiB. etcd refuses a write over 1.5 MiB (its default
    /// --max-request-bytes), and the rest of the Service (spec, annotations, managedFields, our condition) needs room.
    /// </summary>
    public const int MaxIngressJsonBytes = 1 << 20;

    // One entry as the controller writes it, {"ip":"","ipMode":"VIP"}, plus the comma between entries.
    private const int EntryOverheadBytes = 25;

    /// <summary>The JSON size of the ingress list as the controller writes it (IPs are ASCII).</summary>
    public static long JsonBytes(IReadOnlyList<string> ingress)
    {
        long bytes = 2;
        foreach (var ip in ingress)
        {
            bytes += ip.Length + EntryOverheadBytes;
        }

        return bytes;
    }

    /// <summary>The rank key of a node for a Service: the first 8 bytes of SHA-256("uid/node"), big-endian; lower ranks first.</summary>
    public static ulong RankKey(string uid, string node)
    {
        var text = Encoding.UTF8.GetBytes($"{uid}/{node}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>
    /// Applies <paramref name="maxPerFamily"/> (null: none) and the size limit to the per-family choices made over
    /// <paramref name="selected"/>; returns the new ingress (family order, numeric, distinct) and per-family details.
    /// </summary>
    public static AddressCapResult Apply(string uid, int? maxPerFamily, IReadOnlyList<FamilyChoice> choices, IReadOnlyList<NodeFacts> selected)
    {
        var families = new List<CappedFamily>(choices.Count);
        foreach (var choice in choices)
        {
            families.Add(choice.Type is { } type ? Rank(uid, maxPerFamily, choice.Family, type, selected) : CappedFamily.Empty(choice.Family));
        }

        var leftOutBySize = FitSize(families);
        var ingress = new List<string>();
        var newChoices = new FamilyChoice[choices.Count];
        for (var i = 0; i < choices.Count; i++)
        {
            var kept = families[i].Kept.OrderBy(a => a.Ip.Value).Select(a => a.Text).ToList();
            ingress.AddRange(kept);
            newChoices[i] = choices[i] with { AddressCount = kept.Count };
        }

        return new AddressCapResult(ingress, newChoices, families, maxPerFamily, leftOutBySize);
    }

    private static CappedFamily Rank(string uid, int? maxPerFamily, IpFamily family, NodeAddressType type, IReadOnlyList<NodeFacts> selected)
    {
        var ranked = selected
            .Where(n => n.AddressSpan(family, type).Length > 0)
            .Select(n => (Node: n, Key: RankKey(uid, n.Name)))
            .OrderBy(c => c.Key)
            .ThenBy(c => c.Node.Name, StringComparer.Ordinal)
            .ToList();
        var ranks = new Dictionary<string, int>(ranked.Count, StringComparer.Ordinal);
        var kept = new List<NodeAddress>();
        var seen = new HashSet<UInt128>();
        var total = 0;
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var node = ranked[rank].Node;
            ranks[node.Name] = rank + 1;
            foreach (var address in node.GetAddresses(family, type).OrderBy(a => a.Ip.Value))
            {
                if (seen.Add(address.Ip.Value))
                {
                    total++;
                    if (maxPerFamily is not { } max || kept.Count < max)
                    {
                        kept.Add(address);
                    }
                }
            }
        }

        return new CappedFamily(family, ranks, kept, total, LeftOutBySize: 0);
    }

    // Trims the families (from their lowest-ranked end) so the ingress fits MaxIngressJsonBytes. The smaller family
    // is served first and gets at most an equal share, so one family's thousands of addresses cannot crowd out the other.
    private static int FitSize(List<CappedFamily> families)
    {
        if (JsonBytes([.. families.SelectMany(f => f.Kept).Select(a => a.Text)]) <= MaxIngressJsonBytes)
        {
            return 0;
        }

        long remaining = MaxIngressJsonBytes - 2;
        var leftOut = 0;
        var order = families.Select((f, i) => (Family: f, Index: i, Bytes: f.Kept.Sum(a => (long)a.Text.Length + EntryOverheadBytes)))
            .OrderBy(f => f.Bytes)
            .ToList();
        for (var j = 0; j < order.Count; j++)
        {
            var share = remaining / (order.Count - j);
            var (family, index, _) = order[j];
            long used = 0;
            var count = 0;
            while (count < family.Kept.Count && used + family.Kept[count].Text.Length + EntryOverheadBytes <= share)
            {
                used += family.Kept[count].Text.Length + EntryOverheadBytes;
                count++;
            }

            var dropped = family.Kept.Count - count;
            leftOut += dropped;
            families[index] = new CappedFamily(family.Family, family.Ranks, family.Kept.GetRange(0, count), family.Total, dropped);
            remaining -= used;
        }

        return leftOut;
    }
}
