using System.Globalization;

namespace NodeIpam.Operator.Domain.Labels;

/// <summary>One validated requirement of a selector; the values are sorted and distinct.</summary>
internal sealed class LabelRequirement
{
    private readonly string[] values;
    private readonly long number;

    /// <summary>Creates a requirement the parser has already validated.</summary>
    public LabelRequirement(string key, LabelOperator @operator, IEnumerable<string> values)
    {
        Key = key;
        Operator = @operator;
        this.values = [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (@operator is LabelOperator.GreaterThan or LabelOperator.LessThan)
        {
            number = long.Parse(this.values[0], NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>The operator.</summary>
    public LabelOperator Operator { get; }

    /// <summary>The values (empty for <see cref="LabelOperator.Exists"/> and <see cref="LabelOperator.DoesNotExist"/>).</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>Whether labels satisfy this requirement; a missing key satisfies <c>!=</c>, <c>notin</c> and <c>!k</c>, as in Kubernetes.</summary>
    public bool Matches(NodeLabels labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => present,
            LabelOperator.DoesNotExist => !present,
            LabelOperator.Equals or LabelOperator.DoubleEquals or LabelOperator.In => present && HasValue(value!),
            LabelOperator.NotEquals or LabelOperator.NotIn => !present || !HasValue(value!),
            LabelOperator.GreaterThan => present && TryParseInteger(value!, out var n) && n > number,
            LabelOperator.LessThan => present && TryParseInteger(value!, out var n) && n < number,
            _ => false,
        };
    }

    /// <summary>The requirement in selector syntax, values sorted (apimachinery's String form).</summary>
    public override string ToString() => Operator switch
    {
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => "!" + Key,
        LabelOperator.Equals => $"{Key}={values[0]}",
        LabelOperator.DoubleEquals => $"{Key}=={values[0]}",
        LabelOperator.NotEquals => $"{Key}!={values[0]}",
        LabelOperator.GreaterThan => $"{Key}>{values[0]}",
        LabelOperator.LessThan => $"{Key}<{values[0]}",
        LabelOperator.In => $"{Key} in ({string.Join(',', values)})",
        _ => $"{Key} notin ({string.Join(',', values)})",
    };

    // Label values that are integers compare numerically; Go's ParseInt also takes a sign, which a valid label value cannot start with anyway.
    private static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private bool HasValue(string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
