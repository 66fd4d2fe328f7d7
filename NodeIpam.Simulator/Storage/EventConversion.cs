using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;

namespace NodeIpam.Simulator.Storage;

/// <summary>
/// Converts Events between core/v1 (the stored form) and events.k8s.io/v1, field by field as Kubernetes'
/// conversion does: regarding/involvedObject, note/message, reportingController/reportingComponent,
/// deprecatedSource/source, deprecatedFirstTimestamp/firstTimestamp, deprecatedLastTimestamp/lastTimestamp,
/// deprecatedCount/count; metadata, eventTime, series, related, action, reason, type and reportingInstance keep
/// their names. Like the real conversion it derives nothing: a series does not fill count or lastTimestamp, and
/// reportingController does not fill source (kubectl falls back to reportingController/series itself).
/// </summary>
internal static class EventConversion
{
    /// <summary>(events.k8s.io/v1 name, core/v1 name) of every renamed field.</summary>
    private static readonly (string Events, string Core)[] Renamed =
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
    ];

    /// <summary>Converts <paramref name="obj"/> (an Event of either API) to <paramref name="target"/>'s form, as a new object.</summary>
    public static JsonObject Convert(JsonObject obj, ResourceType target)
    {
        var toCore = target.Group.Length == 0;
        var result = new JsonObject
        {
            ["apiVersion"] = target.ApiVersion,
            ["kind"] = target.Kind,
        };
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind")
            {
                continue;
            }

            result[Rename(name, toCore)] = value?.DeepClone();
        }

        return result;
    }

    private static string Rename(string name, bool toCore)
    {
        foreach (var (events, core) in Renamed)
        {
            if (name == (toCore ? events : core))
            {
                return toCore ? core : events;
            }
        }

        return name;
    }
}
