using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>What <see cref="AddressCap"/> kept.</summary>
/// <param name="Ingress">The kept addresses: family order, then numeric, distinct.</param>
/// <param name="Choices">The per-family choices with the kept counts.</param>
/// <param name="Families">Per family of the Service, in order: the ranking and what was kept.</param>
/// <param name="MaxPerFamily">The annotation's cap; null when only the size limit applied.</param>
/// <param name="LeftOutBySize">Addresses left out (beyond the annotation's cap) to keep the status under the size limit.</param>
internal sealed record AddressCapResult(
    IReadOnlyList<string> Ingress,
    IReadOnlyList<FamilyChoice> Choices,
    IReadOnlyList<CappedFamily> Families,
    int? MaxPerFamily,
    int LeftOutBySize)
{
    /// <summary>The details of one family; null when the Service does not have it.</summary>
    public CappedFamily? For(IpFamily family) => Families.FirstOrDefault(f => f.Family == family);

    /// <summary>What limited <paramref name="family"/>: the size limit when it left something out, else the annotation.</summary>
    public string LimitOf(CappedFamily family) =>
        family.LeftOutBySize > 0 || MaxPerFamily is null
            ? $"the status size limit of {AddressCap.MaxIngressJsonBytes / 1024:N0} KiB"
            : $"{WellKnown.MaxAddressesPerFamilyAnnotation}: {MaxPerFamily}";
}

/// <summary>One family's ranking.</summary>
/// <param name="Family">The family.</param>
/// <param name="Ranks">Rank (1 = first chosen) of every candidate node by name.</param>
/// <param name="Kept">The kept addresses, in rank order.</param>
/// <param name="Total">How many distinct addresses the candidates have.</param>
/// <param name="LeftOutBySize">How many of the addresses within the annotation's cap the size limit left out.</param>
internal sealed record CappedFamily(IpFamily Family, IReadOnlyDictionary<string, int> Ranks, List<NodeAddress> Kept, int Total, int LeftOutBySize)
{
    /// <summary>A family no selected node has an address of.</summary>
    public static CappedFamily Empty(IpFamily family) => new(family, new Dictionary<string, int>(), [], 0, 0);

    /// <summary>The texts of the kept addresses (computed at construction: never copy this record with <c>with</c>).</summary>
    public IReadOnlySet<string> KeptTexts { get; } = Kept.Select(a => a.Text).ToHashSet(StringComparer.Ordinal);
}
