using System.Net;
using System.Text.Json;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime;
using NodeIpam.Runtime.Client;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Writes a <see cref="StatusDecision"/>: one strategic-merge PATCH of <c>/status</c> (see <see cref="StatusPatch"/>),
/// counted in <c>nodeipam_status_writes_total{result}</c>. Expected failures (conflict, an API error, an unreachable
/// server) come back as an outcome with a one-line message, not as an exception. Of the answer only the new
/// resourceVersion is read: the generated client operation would build the whole Service, a thousand ingress entries
/// and all, for every write.
/// </summary>
internal sealed class StatusApplier(KubeApiConnection api, OperatorMetrics metrics, WrittenStatuses written)
{
    /// <summary>How long one write may take, answer included (replaceable for tests).</summary>
    internal TimeSpan Timeout { get; init; } = RuntimeDefaults.ApiRequestTimeout;

    /// <summary>Sends the patch; <paramref name="cancellationToken"/> is cancelled on shutdown or leadership loss.</summary>
    public Task<(StatusWriteOutcome Outcome, string? Error)> ApplyAsync(CachedService service, StatusDecision decision, CancellationToken cancellationToken)
    {
        var key = service.Key;
        written.Record(key, service.ResourceVersion, decision.Ingress is { } ingress ? IngressDigest.Of(ingress) : service.Ingress.Digest, decision.Condition);
        return SendAsync(key, StatusPatch.Build(service.ResourceVersion, decision.Ingress, decision.Condition), cancellationToken);
    }

    /// <summary>Removes our condition (and, when the decision says so, the ingress) from a Service that is not ours.</summary>
    public Task<(StatusWriteOutcome Outcome, string? Error)> ReleaseAsync(CachedService service, ReleaseDecision decision, CancellationToken cancellationToken)
    {
        var key = service.Key;
        written.Record(key, service.ResourceVersion, decision.ClearsIngress ? IngressDigest.Empty : service.Ingress.Digest, condition: null);
        return SendAsync(key, StatusPatch.BuildRelease(service.ResourceVersion, decision.ClearsIngress), cancellationToken);
    }

    private async Task<(StatusWriteOutcome Outcome, string? Error)> SendAsync(ObjectKey key, string body, CancellationToken cancellationToken)
    {
        var path = $"api/v1/namespaces/{Uri.EscapeDataString(key.Namespace)}/services/{Uri.EscapeDataString(key.Name)}/status"
            + $"?fieldManager={ServiceStatusNames.FieldManager}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            using var response = await api.SendAsync(HttpMethod.Patch, path, body, "application/strategic-merge-patch+json", deadline.Token)
                .ConfigureAwait(false);

            // Read whole, so the connection can be reused.
            var content = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                metrics.StatusWrites(OperatorMetrics.WriteConflicted).Inc();
                return (StatusWriteOutcome.Conflict, "the Service changed since it was read (409 Conflict); retrying with the newer version");
            }

            if (!response.IsSuccessStatusCode)
            {
                metrics.StatusWrites(OperatorMetrics.WriteFailed).Inc();
                return (StatusWriteOutcome.Failed, $"status write answered {(int)response.StatusCode}: {StatusMessage(content) ?? response.ReasonPhrase ?? response.StatusCode.ToString()}");
            }

            written.Succeeded(key, ResourceVersion(content));
            metrics.StatusWrites(OperatorMetrics.WriteSucceeded).Inc();
            return (StatusWriteOutcome.Written, null);
        }
        catch (HttpRequestException e)
        {
            // The write may or may not have landed: forget it, so that its echo, if any, is reconciled, not taken for
            // a write already accounted for.
            written.Forget(key);
            metrics.StatusWrites(OperatorMetrics.WriteFailed).Inc();
            return (StatusWriteOutcome.Failed, $"status write failed: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our per-request deadline; as above, the write may have landed.
            written.Forget(key);
            metrics.StatusWrites(OperatorMetrics.WriteFailed).Inc();
            return (StatusWriteOutcome.Failed, $"status write timed out after {Timeout.TotalSeconds:0.###} s");
        }
    }

    // metadata.resourceVersion of the Service the API server answers with; null when the answer has none.
    internal static string? ResourceVersion(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var (depth, isMetadata, isVersion) = (reader.CurrentDepth, reader.ValueTextEquals("metadata"), reader.ValueTextEquals("resourceVersion"));
                reader.Read();
                if (depth == 2 && isVersion)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (!(depth == 1 && isMetadata))
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    // The message of the Status object the API server answers with, when the body is one.
    private static string? StatusMessage(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
