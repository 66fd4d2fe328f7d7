using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>field=value</c>, <c>field==value</c>, <c>field!=value</c>, comma-separated.
/// Like the API server, only supported field labels are accepted (metadata.name and metadata.namespace for every
/// kind, plus a few per-kind ones); anything else is a 400.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly Dictionary<string, string[]> ExtraFields = new(StringComparer.Ordinal)
    {
        ["/events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["events.k8s.io/events"] = ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion", "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type"],
        ["/namespaces"] = ["status.phase"],
        ["/nodes"] = ["spec.unschedulable"],
        ["/secrets"] = ["type"],
        ["/pods"] = ["spec.nodeName", "status.phase"],
    };

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _terms.Count == 0;

    /// <summary>Whether the selector needs the parsed object (any field besides name and namespace).</summary>
    public bool NeedsBody => _terms.Any(t => t.Field is not ("metadata.name" or "metadata.namespace"));

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var extra = ExtraFields.GetValueOrDefault(type.ResourceKey, []);
        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (op, index) = part.IndexOf("!=", StringComparison.Ordinal) is var ne and >= 0 ? ("!=", ne)
                : part.IndexOf("==", StringComparison.Ordinal) is var ee and >= 0 ? ("==", ee)
                : ("=", part.IndexOf('=', StringComparison.Ordinal));
            if (index <= 0)
            {
                throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            }

            var field = part[..index].Trim();
            if (field is not ("metadata.name" or "metadata.namespace") && !extra.Contains(field))
            {
                throw ApiError.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, op != "!=", part[(index + op.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(StoredObject obj)
    {
        var body = NeedsBody ? obj.ToNode() : null;
        foreach (var (field, equal, value) in _terms)
        {
            var actual = field switch
            {
                "metadata.name" => obj.Name,
                "metadata.namespace" => obj.Namespace,
                "source" when obj.Type.ResourceKey == "/events" => Meta.ScalarText(body, "source.component") ?? "",
                _ => Meta.ScalarText(body, field) ?? "",
            };
            if (string.Equals(actual, value, StringComparison.Ordinal) != equal)
            {
                return false;
            }
        }

        return true;
    }
}
