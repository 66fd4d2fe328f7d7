using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Selectors;

/// <summary>What a LIST or WATCH selects: an optional namespace plus label and field selectors.</summary>
internal sealed record ObjectFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(StoredObject obj) =>
        (Namespace is null || obj.Namespace == Namespace)
        && Labels.Matches(obj.Labels)
        && (Fields.IsEverything || Fields.Matches(obj));
}
