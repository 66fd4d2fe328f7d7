namespace NodeIpam.Runtime.Health;

/// <summary>
/// What one HTTP endpoint grants its clients. Each endpoint is its own Kestrel server, so one endpoint's clients can
/// use up only its own limits: slow or many clients of /metrics never cost /healthz a connection.
/// </summary>
/// <param name="MaxConnections">Open connections at once; beyond it Kestrel refuses new ones.</param>
/// <param name="RequestTimeout">
/// Time for a request's headers to arrive (Kestrel's RequestHeadersTimeout, which also bounds a TLS handshake and
/// an idle kept-alive connection), and again for the answer to be computed (the handler's own deadline).
/// </param>
internal sealed record EndpointLimits(int MaxConnections, TimeSpan RequestTimeout);
