using System.Globalization;
using System.Text.Json.Nodes;
using NodeIpam.Operator.Caching;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// The body of our strategic-merge PATCH of a Service's <c>/status</c>. It carries the resourceVersion the decision
/// was made on, so the API server answers 409 Conflict instead of overwriting a version we have not seen; it names
/// only our condition (conditions merge by <c>type</c>, so other controllers' conditions stay) and, when they change,
/// the ingress entries (an atomic list: replaced whole; null removes it). A release (<see cref="BuildRelease"/>)
/// deletes our condition and nothing else but, when it is still ours, the ingress.
/// </summary>
internal static class StatusPatch
{
    /// <summary>The JSON body.</summary>
    public static string Build(string? resourceVersion, IReadOnlyList<string>? ingress, DesiredCondition condition)
    {
        var status = new JsonObject();
        if (ingress is not null)
        {
            var entries = new JsonArray();
            foreach (var ip in ingress)
            {
                entries.Add(new JsonObject { ["ip"] = ip, ["ipMode"] = ServiceStatusNames.VipMode });
            }

            status["loadBalancer"] = new JsonObject { ["ingress"] = entries.Count > 0 ? entries : null };
        }

        status["conditions"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = ServiceStatusNames.ConditionType,
                ["status"] = condition.Status,
                ["reason"] = condition.Reason,
                ["message"] = condition.Message,
                ["lastTransitionTime"] = condition.LastTransitionTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
        };

        return WithPrecondition(resourceVersion, status);
    }

    /// <summary>
    /// The JSON body that removes our condition (a <c>$patch: delete</c> directive for its merge key) and, with
    /// <paramref name="clearIngress"/>, the ingress; everything else in the status stays.
    /// </summary>
    public static string BuildRelease(string? resourceVersion, bool clearIngress)
    {
        var status = new JsonObject();
        if (clearIngress)
        {
            status["loadBalancer"] = new JsonObject { ["ingress"] = null };
        }

        status["conditions"] = new JsonArray
        {
            new JsonObject { ["type"] = ServiceStatusNames.ConditionType, ["$patch"] = "delete" },
        };
        return WithPrecondition(resourceVersion, status);
    }

    private static string WithPrecondition(string? resourceVersion, JsonObject status)
    {
        var patch = new JsonObject { ["status"] = status };
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion };
        }

        return patch.ToJsonString();
    }
}
