using NodeIpam.Operator.Caching;
using NodeIpam.Runtime.Events;

namespace NodeIpam.Operator.Controllers;

/// <summary>Our condition as it should be written.</summary>
/// <param name="Status">"True" when the Service advertises an address, else "False".</param>
/// <param name="Reason">UpperCamelCase: <see cref="ServiceStatusNames.AssignedReason"/>, a plan warning code, or <see cref="ServiceStatusNames.InvalidSelectorReason"/>.</param>
/// <param name="Message">For people: what is advertised and every warning.</param>
/// <param name="LastTransitionTime">When Status last changed (kept when only reason or message change).</param>
internal sealed record DesiredCondition(string Status, string Reason, string Message, DateTimeOffset LastTransitionTime);

/// <summary>An event to record on the Service once the status is written.</summary>
internal sealed record ServiceEvent(EventType Type, string Reason, string Note);

/// <summary>What one reconcile must do to a Service's status, decided without I/O by <see cref="StatusDecider"/>.</summary>
/// <param name="CurrentIngress">The addresses the Service advertises now (for logs, events, and our own writes' echoes).</param>
/// <param name="Ingress">The addresses to write, in order; null to leave <c>status.loadBalancer</c> as it is.</param>
/// <param name="Condition">Our condition as it should be.</param>
/// <param name="NeedsWrite">False when the status already says all of this: nothing is written.</param>
/// <param name="Events">Events to record after a successful write (only on transitions).</param>
internal sealed record StatusDecision(
    IngressFacts CurrentIngress,
    IReadOnlyList<string>? Ingress,
    DesiredCondition Condition,
    bool NeedsWrite,
    IReadOnlyList<ServiceEvent> Events);
