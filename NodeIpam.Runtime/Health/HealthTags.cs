namespace NodeIpam.Runtime.Health;

/// <summary>
/// Tags that route a health check (Microsoft.Extensions.Diagnostics.HealthChecks) to an endpoint:
/// <c>services.AddHealthChecks().AddCheck&lt;MyCheck&gt;("name", tags: [HealthTags.Liveness])</c>.
/// </summary>
public static class HealthTags
{
    /// <summary>Checked by <c>/healthz</c>: failing means the process is stuck and the kubelet should restart it.</summary>
    public const string Liveness = "live";

    /// <summary>Checked by <c>/readyz</c>: failing means the process is not ready to do its work yet.</summary>
    public const string Readiness = "ready";
}
