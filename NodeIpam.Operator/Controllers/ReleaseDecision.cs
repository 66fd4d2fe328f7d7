namespace NodeIpam.Operator.Controllers;

/// <summary>
/// What to undo on a Service that is not ours (any more) but still carries our condition, decided without I/O by
/// <see cref="StatusDecider.Release"/>: the condition is removed, and the ingress too when it is still what we wrote.
/// </summary>
/// <param name="CurrentIngress">The addresses the Service advertises now (for logs and events).</param>
/// <param name="ClearsIngress">True when our condition's fingerprint matches the current, non-empty ingress.</param>
/// <param name="Why">Why the Service is not ours, for the log line and the Event.</param>
internal sealed record ReleaseDecision(IReadOnlyList<string> CurrentIngress, bool ClearsIngress, string Why);
