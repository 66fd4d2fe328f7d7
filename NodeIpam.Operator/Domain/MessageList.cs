namespace NodeIpam.Operator.Domain;

/// <summary>Keeps warnings one readable line however many nodes or endpoints they concern.</summary>
internal static class MessageList
{
    /// <summary>How many items a message names before "and N more".</summary>
    public const int MaxItems = 5;

    /// <summary>"1 endpoint" or "2 endpoints".</summary>
    public static string Count(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";

    /// <summary>Joins items sorted ordinally: "a, b, c, d, e and 3 more".</summary>
    public static string Join(IEnumerable<string> items)
    {
        var sorted = items.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", sorted.Take(MaxItems));
        return sorted.Count > MaxItems ? $"{shown} and {sorted.Count - MaxItems} more" : shown;
    }
}
