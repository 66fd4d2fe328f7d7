namespace NodeIpam.Operator.Domain.Labels;

/// <summary>
/// The API server's rules for label keys and values (apimachinery IsQualifiedName and IsValidLabelValue).
/// Each check returns null when valid, else the problem in a few words.
/// </summary>
internal static class LabelSyntax
{
    /// <summary>Longest name part of a key, and longest value (a DNS label).</summary>
    public const int MaxNameLength = 63;

    /// <summary>Longest key prefix (a DNS subdomain).</summary>
    public const int MaxPrefixLength = 253;

    /// <summary>Checks a key: <c>[prefix/]name</c>, prefix a lower-case DNS subdomain, name like a value but non-empty.</summary>
    public static string? CheckKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && key.IndexOf('/', slash + 1) >= 0)
        {
            return "a key has at most one '/' (an optional DNS subdomain prefix, '/', and a name, e.g. example.com/my-name)";
        }

        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0)
            {
                return "the prefix before '/' is empty";
            }

            if (prefix.Length > MaxPrefixLength)
            {
                return $"the prefix is longer than {MaxPrefixLength} characters";
            }

            if (!IsDnsSubdomain(prefix))
            {
                return "the prefix must be a lower-case DNS subdomain (a-z, 0-9, '-' and '.', starting and ending with a letter or digit)";
            }
        }

        if (name.Length == 0)
        {
            return "the name part is empty";
        }

        return CheckNameOrValue(name, "name");
    }

    /// <summary>Checks a value: empty, or at most 63 of A-Z a-z 0-9 - _ . starting and ending with a letter or digit.</summary>
    public static string? CheckValue(string value) => value.Length == 0 ? null : CheckNameOrValue(value, "value");

    private static string? CheckNameOrValue(string text, string what)
    {
        if (text.Length > MaxNameLength)
        {
            return $"the {what} is longer than {MaxNameLength} characters";
        }

        if (!char.IsAsciiLetterOrDigit(text[0]) || !char.IsAsciiLetterOrDigit(text[^1]))
        {
            return $"the {what} must start and end with a letter or digit";
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return $"the {what} may contain only letters, digits, '-', '_' and '.', not '{c}'";
            }
        }

        return null;
    }

    private static bool IsDnsSubdomain(string text)
    {
        // RFC 1123 labels joined by dots: each label starts and ends with [a-z0-9] and holds [-a-z0-9].
        foreach (var label in text.Split('.'))
        {
            if (label.Length == 0 || !IsLowerAlnum(label[0]) || !IsLowerAlnum(label[^1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsLowerAlnum(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLowerAlnum(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
