namespace NodeIpam.Operator.Domain.Labels;

/// <summary>Either a selector or the first problem found in its text.</summary>
internal sealed record LabelSelectorParseResult
{
    private LabelSelectorParseResult(LabelSelector? selector, string? error, int position)
    {
        Selector = selector;
        Error = error;
        Position = position;
    }

    /// <summary>The selector, when the text is valid.</summary>
    public LabelSelector? Selector { get; }

    /// <summary>What is wrong, when the text is invalid (without the position).</summary>
    public string? Error { get; }

    /// <summary>The 0-based character index where the problem starts; -1 when valid.</summary>
    public int Position { get; }

    /// <summary>True when <see cref="Selector"/> is set.</summary>
    public bool IsValid => Selector is not null;

    /// <summary>A valid result.</summary>
    public static LabelSelectorParseResult Valid(LabelSelector selector) => new(selector, null, -1);

    /// <summary>An invalid result.</summary>
    public static LabelSelectorParseResult Invalid(string error, int position) => new(null, error, position);

    /// <summary>For people: the error with its 0-based position, or the selector.</summary>
    public override string ToString() =>
        Selector is not null ? Selector.ToString() : $"{Error} at position {Position}";
}
