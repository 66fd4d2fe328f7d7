using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
    /// <summary>
    /// The JSON body. Written with a <see cref="Utf8JsonWriter"/> rather than built as a JSON tree: a Service with a
    /// thousand addresses would otherwise cost a thousand objects per write.
    /// </summary>
    public static string Build(string? resourceVersion, IReadOnlyList<string>? ingress, DesiredCondition condition)
    {
        var buffer = new ArrayBufferWriter<byte>(ingress is null ? 1024 : 256 + (ingress.Count * 40));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("status");
            if (ingress is not null)
            {
                json.WriteStartObject("loadBalancer");
                if (ingress.Count == 0)
                {
                    json.WriteNull("ingress");
                }
                else
                {
                    json.WriteStartArray("ingress");
                    foreach (var ip in ingress)
                    {
                        json.WriteStartObject();
                        json.WriteString("ip", ip);
                        json.WriteString("ipMode", ServiceStatusNames.VipMode);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("conditions");
            json.WriteStartObject();
            json.WriteString("type", ServiceStatusNames.ConditionType);
            json.WriteString("status", condition.Status);
            json.WriteString("reason", condition.Reason);
            json.WriteString("message", condition.Message);
            json.WriteString("lastTransitionTime", condition.LastTransitionTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            if (!string.IsNullOrEmpty(resourceVersion))
            {
                json.WriteStartObject("metadata");
                json.WriteString("resourceVersion", resourceVersion);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
