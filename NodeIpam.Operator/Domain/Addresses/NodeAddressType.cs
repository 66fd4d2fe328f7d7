namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>The node address types that can be advertised; every other type (Hostname, InternalDNS, ExternalDNS) is ignored.</summary>
internal enum NodeAddressType
{
    /// <summary><c>InternalIP</c>: used for a family when no selected node has an ExternalIP of that family.</summary>
    InternalIP = 0,

    /// <summary><c>ExternalIP</c>: preferred for a family whenever a selected node has one of that family.</summary>
    ExternalIP = 1,
}
