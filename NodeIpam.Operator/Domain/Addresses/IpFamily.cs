namespace NodeIpam.Operator.Domain.Addresses;

/// <summary>An IP family, named as in <c>spec.ipFamilies</c>. IPv4 sorts before IPv6.</summary>
internal enum IpFamily
{
    /// <summary>IPv4.</summary>
    IPv4 = 0,

    /// <summary>IPv6.</summary>
    IPv6 = 1,
}
