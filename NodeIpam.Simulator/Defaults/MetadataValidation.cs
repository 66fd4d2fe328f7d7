using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>Validation of names, labels and annotations, shared by every kind.</summary>
internal static partial class MetadataValidation
{
    public static List<FieldError> Validate(JsonObject obj, NameRule rule)
    {
        var errors = new List<FieldError>();
        var name = Meta.Name(obj);
        var nameError = NameProblem(name, rule);
        if (nameError is not null)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, nameError));
        }

        var meta = obj["metadata"] as JsonObject;
        if (meta?["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                if (!LabelKey().IsMatch(key))
                {
                    errors.Add(FieldError.Invalid("metadata.labels", key, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
                }

                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text is null || (text.Length > 0 && !LabelValue().IsMatch(text)))
                {
                    errors.Add(FieldError.Invalid("metadata.labels", text ?? value?.ToJsonString(), "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
                }
            }
        }

        if (meta?["annotations"] is JsonObject annotations)
        {
            foreach (var (key, value) in annotations)
            {
                if (value is not JsonValue av || !av.TryGetValue<string>(out _))
                {
                    errors.Add(FieldError.Invalid($"metadata.annotations[{key}]", value?.ToJsonString(), "annotation values must be strings"));
                }
            }
        }

        return errors;
    }

    /// <summary>Why <paramref name="name"/> is not acceptable, or null.</summary>
    public static string? NameProblem(string name, NameRule rule) => rule switch
    {
        _ when name.Length == 0 => "name or generateName is required",
        NameRule.Dns1035 when name.Length > 63 || !Dns1035().IsMatch(name) =>
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        NameRule.Label when name.Length > 63 || !Dns1123Label().IsMatch(name) =>
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        NameRule.Subdomain when name.Length > 253 || !Dns1123Subdomain().IsMatch(name) =>
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        NameRule.PathSegment when name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal) =>
            "may not contain '/' or '%' and may not be '.' or '..'",
        _ => null,
    };

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
