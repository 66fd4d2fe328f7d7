using NodeIpam.Operator.Domain.Addresses;

namespace NodeIpam.Operator.Domain;

/// <summary>Which address type a family of the Service advertises.</summary>
/// <param name="Family">The family.</param>
/// <param name="Type">ExternalIP when a selected node has one of this family, else InternalIP; null when no selected node has an address of it.</param>
/// <param name="AddressCount">How many distinct addresses of this family are advertised.</param>
internal sealed record FamilyChoice(IpFamily Family, NodeAddressType? Type, int AddressCount);
