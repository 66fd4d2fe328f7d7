using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Defaults;

/// <summary>
/// events.k8s.io/v1 Event validation on create, as strict as the API server's for that group version: eventTime,
/// type Normal|Warning, reportingController, reportingInstance, action and reason required, length limits, the
/// regarding object in the event's namespace, and none of the deprecated core fields.
/// </summary>
internal sealed class EventStrategy : DefaultStrategy
{
    /// <summary>apimachinery's limits for action and reason (128) and note (1 KiB).</summary>
    private const int MaxActionOrReason = 128;
    private const int MaxNote = 1024;

    public override IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>(base.Validate(obj, old));
        if (old is not null)
        {
            return errors;
        }

        if (string.IsNullOrEmpty(Meta.String(obj, "eventTime")))
        {
            errors.Add(FieldError.Required("eventTime"));
        }

        var type = Meta.String(obj, "type");
        if (type is not ("Normal" or "Warning"))
        {
            errors.Add(FieldError.Invalid("type", "", $"has invalid value: {type}"));
        }

        foreach (var field in (string[])["reportingController", "reportingInstance", "action", "reason"])
        {
            var value = Meta.String(obj, field);
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(FieldError.Required(field));
            }
            else if (field is "action" or "reason" && value.Length > MaxActionOrReason)
            {
                errors.Add(FieldError.Invalid(field, "", $"can have at most {MaxActionOrReason} characters"));
            }
        }

        if ((Meta.String(obj, "note") ?? "").Length > MaxNote)
        {
            errors.Add(FieldError.Invalid("note", "", $"can have at most {MaxNote} characters"));
        }

        var regardingNs = Meta.String(obj["regarding"], "namespace");
        if (!string.IsNullOrEmpty(regardingNs) && regardingNs != Meta.Namespace(obj))
        {
            errors.Add(FieldError.Invalid("regarding.namespace", regardingNs, "does not match event.namespace"));
        }

        foreach (var deprecated in (string[])["deprecatedFirstTimestamp", "deprecatedLastTimestamp"])
        {
            if (obj[deprecated] is not null)
            {
                errors.Add(FieldError.Invalid(deprecated, "", "needs to be unset"));
            }
        }

        return errors;
    }
}
