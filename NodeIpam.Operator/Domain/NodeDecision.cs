namespace NodeIpam.Operator.Domain;

/// <summary>Whether one node carries a Service's addresses, and why (or why not).</summary>
/// <param name="Name">The node name.</param>
/// <param name="Selected">True when the node's addresses may be advertised.</param>
/// <param name="Reason">One line: what it advertises, or every reason it is not selected.</param>
internal sealed record NodeDecision(string Name, bool Selected, string Reason);
