namespace NodeIpam.Operator.Domain.Labels;

/// <summary>
/// A compiled Kubernetes label selector: the AND of its requirements. Immutable and thread-safe; parse it once
/// per selector text (<see cref="Parse"/>) and match it against many label sets.
/// </summary>
internal sealed class LabelSelector
{
    private readonly LabelRequirement[] requirements;

    internal LabelSelector(IEnumerable<LabelRequirement> requirements)
    {
        // Sorted by key, as apimachinery does, so equal selectors print equally.
        this.requirements = [.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>The selector that selects everything (empty or white-space text).</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements, sorted by key.</summary>
    public IReadOnlyList<LabelRequirement> Requirements => requirements;

    /// <summary>True when there is no requirement, i.e. every label set matches.</summary>
    public bool IsEmpty => requirements.Length == 0;

    /// <summary>Parses selector text with the full apimachinery grammar and validation.</summary>
    public static LabelSelectorParseResult Parse(string? text) => LabelSelectorParser.Parse(text ?? string.Empty);

    /// <summary>Whether every requirement matches.</summary>
    public bool Matches(NodeLabels labels)
    {
        foreach (var requirement in requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The selector in canonical syntax (requirements sorted by key, joined by commas).</summary>
    public override string ToString() => string.Join(',', requirements.Select(r => r.ToString()));
}
