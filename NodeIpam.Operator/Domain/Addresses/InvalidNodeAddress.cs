namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>A node address of an advertisable type whose text is not a strict IP address; it is skipped and reported.</summary>
/// <param name="Type">The address type as written on the node.</param>
/// <param name="Text">The address text exactly as written.</param>
/// <param name="Problem">Why it was rejected.</param>
internal sealed record InvalidNodeAddress(NodeAddressType Type, string Text, string Problem)
{
    /// <summary>One line for people, e.g. <c>InternalIP "10.0.0.011" (leading zero ...)</c>.</summary>
    public override string ToString() => $"{Type} \"{Text}\" ({Problem})";
}
