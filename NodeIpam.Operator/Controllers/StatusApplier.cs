using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Metrics;
using NodeIpam.Runtime;

namespace NodeIpam.Operator.Controllers;

/// <summary>
/// Writes a <see cref="StatusDecision"/>: one strategic-merge PATCH of <c>/status</c> (see <see cref="StatusPatch"/>),
/// counted in <c>nodeipam_status_writes_total{result}</c>. Expected failures (conflict, an API error, an unreachable
/// server) come back as an outcome with a one-line message, not as an exception.
/// </summary>
internal sealed class StatusApplier(IKubernetes client, OperatorMetrics metrics, WrittenStatuses written)
{
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
        try
        {
            var updated = await client.CoreV1.PatchNamespacedServiceStatusAsync(
                new V1Patch(body, V1Patch.PatchType.StrategicMergePatch),
                key.Name,
                key.Namespace,
                fieldManager: ServiceStatusNames.FieldManager,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            written.Succeeded(key, updated?.Metadata?.ResourceVersion);
            metrics.StatusWrites(OperatorMetrics.WriteSucceeded).Inc();
            return (StatusWriteOutcome.Written, null);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
        {
            metrics.StatusWrites(OperatorMetrics.WriteConflicted).Inc();
            return (StatusWriteOutcome.Conflict, "the Service changed since it was read (409 Conflict); retrying with the newer version");
        }
        catch (HttpOperationException e)
        {
            metrics.StatusWrites(OperatorMetrics.WriteFailed).Inc();
            return (StatusWriteOutcome.Failed, $"status write answered {(int?)e.Response?.StatusCode}: {StatusMessage(e.Response?.Content) ?? e.Message}");
        }
        catch (HttpRequestException e)
        {
            // The write may or may not have landed: forget it, so that its echo, if any, is reconciled, not taken for
            // a write already accounted for.
            written.Forget(key);
            metrics.StatusWrites(OperatorMetrics.WriteFailed).Inc();
            return (StatusWriteOutcome.Failed, $"status write failed: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // KubernetesClient's per-request timeout; as above, the write may have landed.
            written.Forget(key);
            metrics.StatusWrites(OperatorMetrics.WriteFailed).Inc();
            return (StatusWriteOutcome.Failed, $"status write timed out: {e.Message}");
        }
    }

    // The message of the Status object the API server answers with, when the body is one.
    private static string? StatusMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
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
