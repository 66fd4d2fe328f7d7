namespace NodeIpam.Simulator.Api;

/// <summary>One validation failure, shaped like apimachinery's field.Error.</summary>
/// <param name="Field">Dotted path, e.g. spec.ports[0].port.</param>
/// <param name="Reason">Cause reason, e.g. FieldValueRequired, FieldValueInvalid.</param>
/// <param name="Message">Human text as the API server prints it after the field path.</param>
internal sealed record FieldError(string Field, string Reason, string Message)
{
    public static FieldError Required(string field) => new(field, "FieldValueRequired", "Required value");

    public static FieldError Invalid(string field, string? value, string detail) =>
        new(field, "FieldValueInvalid", $"Invalid value: \"{value}\": {detail}");

    public static FieldError Unsupported(string field, string? value, params string[] supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", $"Forbidden: {detail}");

    public static FieldError Duplicate(string field, string? value) =>
        new(field, "FieldValueDuplicate", $"Duplicate value: \"{value}\"");

    public override string ToString() => $"{Field}: {Message}";
}
