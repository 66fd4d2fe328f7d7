namespace NodeIpam.Operator.Caching;

/// <summary>Our condition (<see cref="ServiceStatusNames.ConditionType"/>) as a Service carries it. Value-equal.</summary>
/// <param name="Status">"True", "False", or whatever was written.</param>
/// <param name="Reason">The reason as written.</param>
/// <param name="Message">The message as written (ours end with the ingress fingerprint).</param>
/// <param name="LastTransitionTime">When the status last changed, UTC; null when absent.</param>
internal sealed record OurCondition(string? Status, string? Reason, string? Message, DateTimeOffset? LastTransitionTime);
