namespace NodeIpam.Runtime.Health;

/// <summary>Where and how the probe and metrics endpoints are served (validated by the hosting layer's settings).</summary>
/// <param name="HealthProbeBindAddress">/healthz and /readyz; "0" disables.</param>
/// <param name="MetricsBindAddress">/metrics; "0" disables.</param>
/// <param name="MetricsSecure">HTTPS with token review and authorization, else plain HTTP.</param>
/// <param name="MetricsCertDir">tls.crt and tls.key; null: a self-signed certificate.</param>
public sealed record EndpointSettings(string HealthProbeBindAddress, string MetricsBindAddress, bool MetricsSecure, string? MetricsCertDir);
