using System.Globalization;
using System.Text.RegularExpressions;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Selectors;

/// <summary>
/// A parsed <c>labelSelector</c> query parameter with the full apimachinery grammar:
/// <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, <c>k&gt;1</c>, <c>k&lt;1</c>.
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    /// <summary>Parses a selector; throws a 400 <see cref="ApiError"/> for bad syntax.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseRequirement(string part, string whole)
    {
        Match m;
        if ((m = SetPattern().Match(part)).Success)
        {
            var values = m.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToList();
            values.ForEach(v => CheckValue(v, whole));
            return new LabelRequirement(CheckKey(m.Groups["key"].Value, whole), m.Groups["op"].Value, values);
        }

        if ((m = ComparePattern().Match(part)).Success)
        {
            var op = m.Groups["op"].Value switch { "==" => "=", ">" => "gt", "<" => "lt", var o => o };
            var value = m.Groups["value"].Value.Trim();
            if (op is "gt" or "lt" && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw Bad(whole, $"for 'Gt', 'Lt' operators, the value must be an integer");
            }

            return new LabelRequirement(CheckKey(m.Groups["key"].Value, whole), op, [CheckValue(value, whole)]);
        }

        if ((m = ExistsPattern().Match(part)).Success)
        {
            var op = m.Groups["not"].Success ? "!" : "exists";
            return new LabelRequirement(CheckKey(m.Groups["key"].Value, whole), op, []);
        }

        throw Bad(whole, $"unable to parse requirement: \"{part}\"");
    }

    private static string CheckKey(string key, string whole) =>
        KeyPattern().IsMatch(key) ? key : throw Bad(whole, $"invalid label key \"{key}\"");

    private static string CheckValue(string value, string whole) =>
        value.Length == 0 || ValuePattern().IsMatch(value) ? value : throw Bad(whole, $"invalid label value: \"{value}\"");

    private static ApiError Bad(string whole, string why) =>
        ApiError.BadRequest($"unable to parse requirement: {why} (selector \"{whole}\")");

    [GeneratedRegex(@"^(?<key>[^\s!=<>(),]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^(?<key>[^\s!=<>(),]+)\s*(?<op>==|!=|=|>|<)\s*(?<value>[^\s!=<>(),]*)$")]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[^\s!=<>(),]+)$")]
    private static partial Regex ExistsPattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ValuePattern();
}
