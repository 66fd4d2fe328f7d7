namespace NodeIpam.Operator.Domain.Labels;

/// <summary>
/// A recursive-descent parser for the apimachinery label selector grammar:
/// <c>requirement ("," requirement)*</c> where a requirement is <c>[!]key</c>, <c>key (=|==|!=|&gt;|&lt;) [value]</c>
/// or <c>key (in|notin) "(" [value] ("," [value])* ")"</c>. White space (space, tab, CR, LF) separates tokens.
/// As in Kubernetes, an omitted value is the empty value (<c>k=</c>, <c>k in ()</c>, <c>k in (a,)</c>), and
/// <c>in</c>/<c>notin</c> are keywords only where an operator is expected.
/// </summary>
internal static class LabelSelectorParser
{
    private enum Kind
    {
        End,
        Identifier,
        In,
        NotIn,
        Bang,
        Equals,
        DoubleEquals,
        NotEquals,
        GreaterThan,
        LessThan,
        OpenParen,
        CloseParen,
        Comma,
    }

    /// <summary>Parses <paramref name="text"/>; white space only is the empty selector.</summary>
    public static LabelSelectorParseResult Parse(string text)
    {
        var tokens = Lex(text);
        var requirements = new List<LabelRequirement>();
        var at = 0;
        while (true)
        {
            var token = tokens[at];
            if (token.Kind == Kind.End && requirements.Count == 0)
            {
                return LabelSelectorParseResult.Valid(LabelSelector.Everything);
            }

            if (!IsKeyStart(token.Kind))
            {
                return Fail(token, "expected a label key or '!'");
            }

            var error = ParseRequirement(tokens, ref at, out var requirement);
            if (error is not null)
            {
                return error;
            }

            requirements.Add(requirement!);
            token = tokens[at++];
            if (token.Kind == Kind.End)
            {
                return LabelSelectorParseResult.Valid(new LabelSelector(requirements));
            }

            if (token.Kind != Kind.Comma)
            {
                return Fail(token, "expected ',' or the end of the selector");
            }

            if (!IsKeyStart(tokens[at].Kind))
            {
                return Fail(tokens[at], "expected a label key or '!' after ','");
            }
        }
    }

    private static LabelSelectorParseResult? ParseRequirement(List<Token> tokens, ref int at, out LabelRequirement? requirement)
    {
        requirement = null;
        var negated = tokens[at].Kind == Kind.Bang;
        if (negated)
        {
            at++;
        }

        var keyToken = tokens[at++];
        if (!IsIdentifier(keyToken.Kind))
        {
            return Fail(keyToken, "expected a label key");
        }

        var key = keyToken.Text;
        if (LabelSyntax.CheckKey(key) is { } keyProblem)
        {
            return LabelSelectorParseResult.Invalid($"invalid label key \"{key}\": {keyProblem}", keyToken.Position);
        }

        var next = tokens[at];
        if (negated || next.Kind is Kind.End or Kind.Comma)
        {
            // "!k" takes nothing more; what follows it is checked by the caller (so "!k=v" fails at '=').
            requirement = new LabelRequirement(key, negated ? LabelOperator.DoesNotExist : LabelOperator.Exists, []);
            return null;
        }

        at++;
        var op = next.Kind switch
        {
            Kind.Equals => LabelOperator.Equals,
            Kind.DoubleEquals => LabelOperator.DoubleEquals,
            Kind.NotEquals => LabelOperator.NotEquals,
            Kind.GreaterThan => LabelOperator.GreaterThan,
            Kind.LessThan => LabelOperator.LessThan,
            Kind.In => LabelOperator.In,
            Kind.NotIn => LabelOperator.NotIn,
            _ => (LabelOperator?)null,
        };
        if (op is null)
        {
            return Fail(next, "expected an operator: '=', '==', '!=', 'in', 'notin', '>' or '<'");
        }

        var values = new List<(string Text, int Position)>();
        var error = op is LabelOperator.In or LabelOperator.NotIn
            ? ParseValueSet(tokens, ref at, values)
            : ParseSingleValue(tokens, ref at, values);
        if (error is not null)
        {
            return error;
        }

        foreach (var (value, position) in values)
        {
            if (LabelSyntax.CheckValue(value) is { } valueProblem)
            {
                return LabelSelectorParseResult.Invalid($"invalid value \"{value}\" for key \"{key}\": {valueProblem}", position);
            }

            if (op is LabelOperator.GreaterThan or LabelOperator.LessThan && !IsInteger(value))
            {
                return LabelSelectorParseResult.Invalid($"'{(op == LabelOperator.GreaterThan ? '>' : '<')}' needs an integer value, not \"{value}\"", position);
            }
        }

        requirement = new LabelRequirement(key, op.Value, values.Select(v => v.Text));
        return null;
    }

    private static LabelSelectorParseResult? ParseSingleValue(List<Token> tokens, ref int at, List<(string, int)> values)
    {
        var token = tokens[at];
        if (token.Kind is Kind.End or Kind.Comma)
        {
            values.Add((string.Empty, token.Position));
            return null;
        }

        if (!IsIdentifier(token.Kind))
        {
            return Fail(token, "expected a value");
        }

        at++;
        values.Add((token.Text, token.Position));
        return null;
    }

    private static LabelSelectorParseResult? ParseValueSet(List<Token> tokens, ref int at, List<(string, int)> values)
    {
        var open = tokens[at++];
        if (open.Kind != Kind.OpenParen)
        {
            return Fail(open, "expected '(' after 'in' or 'notin'");
        }

        // A missing value between '(' / ',' / ')' is the empty value, as apimachinery reads "(a,,b)" and "()".
        var expectValue = true;
        while (true)
        {
            var token = tokens[at++];
            switch (token.Kind)
            {
                case var kind when IsIdentifier(kind) && expectValue:
                    values.Add((token.Text, token.Position));
                    expectValue = false;
                    break;
                case Kind.Comma:
                    if (expectValue)
                    {
                        values.Add((string.Empty, token.Position));
                    }

                    expectValue = true;
                    break;
                case Kind.CloseParen:
                    if (expectValue)
                    {
                        values.Add((string.Empty, token.Position));
                    }

                    return null;
                default:
                    return Fail(token, expectValue ? "expected a value, ',' or ')'" : "expected ',' or ')'");
            }
        }
    }

    private static bool IsInteger(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool IsIdentifier(Kind kind) => kind is Kind.Identifier or Kind.In or Kind.NotIn;

    private static bool IsKeyStart(Kind kind) => IsIdentifier(kind) || kind == Kind.Bang;

    private static LabelSelectorParseResult Fail(Token token, string expected) =>
        LabelSelectorParseResult.Invalid(
            token.Kind == Kind.End ? $"unexpected end of selector: {expected}" : $"unexpected \"{token.Text}\": {expected}",
            token.Position);

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new Token(Kind.End, string.Empty, i));
                return tokens;
            }

            var start = i;
            var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
            var kind = two switch
            {
                "==" => Kind.DoubleEquals,
                "!=" => Kind.NotEquals,
                _ => text[i] switch
                {
                    '=' => Kind.Equals,
                    '!' => Kind.Bang,
                    '>' => Kind.GreaterThan,
                    '<' => Kind.LessThan,
                    '(' => Kind.OpenParen,
                    ')' => Kind.CloseParen,
                    ',' => Kind.Comma,
                    _ => Kind.Identifier,
                },
            };
            if (kind != Kind.Identifier)
            {
                i += kind is Kind.DoubleEquals or Kind.NotEquals ? 2 : 1;
                tokens.Add(new Token(kind, text[start..i], start));
                continue;
            }

            while (i < text.Length && !IsWhiteSpace(text[i]) && !IsSpecial(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            tokens.Add(new Token(word switch { "in" => Kind.In, "notin" => Kind.NotIn, _ => Kind.Identifier }, word, start));
        }
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private readonly record struct Token(Kind Kind, string Text, int Position);
}
