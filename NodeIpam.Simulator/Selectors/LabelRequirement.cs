using System.Globalization;

namespace NodeIpam.Simulator.Selectors;

/// <summary>One requirement of a label selector, with apimachinery's matching rules.</summary>
/// <param name="Key">Label key.</param>
/// <param name="Operator">One of =, !=, in, notin, exists, !, gt, lt.</param>
/// <param name="Values">Operand values (one for =, != , gt and lt).</param>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "=" or "in" => has && Values.Contains(value!),
            "!=" or "notin" => !has || !Values.Contains(value!),
            "exists" => has,
            "!" => !has,
            "gt" => has && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) && g > long.Parse(Values[0], CultureInfo.InvariantCulture),
            "lt" => has && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l < long.Parse(Values[0], CultureInfo.InvariantCulture),
            _ => false,
        };
    }
}
