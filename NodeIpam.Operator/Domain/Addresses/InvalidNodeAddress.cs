namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>
/// A node address of an advertisable type that is skipped and reported: its text is not a strict IP address, or
/// (<paramref name="CannotReceiveTraffic"/>) it is a valid address in a range of <see cref="UnusableRanges"/>.
/// </summary>
/// <param name="Type">The address type as written on the node.</param>
/// <param name="Text">The address text exactly as written.</param>
/// <param name="Problem">Why it was rejected.</param>
/// <param name="CannotReceiveTraffic">True for a valid address that no client can reach (loopback, multicast, ...).</param>
internal sealed record InvalidNodeAddress(NodeAddressType Type, string Text, string Problem, bool CannotReceiveTraffic = false)
{
    /// <summary>One line for people, e.g. <c>InternalIP "10.0.0.011" (leading zero ...)</c>.</summary>
    public override string ToString() => $"{Type} \"{Text}\" ({Problem})";
}
