namespace NodeIpam.Simulator.Defaults;

/// <summary>Which name format a kind requires (apimachinery's name validators).</summary>
internal enum NameRule
{
    /// <summary>DNS-1123 subdomain: most kinds.</summary>
    Subdomain,

    /// <summary>DNS-1123 label: Namespaces.</summary>
    Label,

    /// <summary>DNS-1035 label: Services.</summary>
    Dns1035,

    /// <summary>Any path segment: RBAC kinds.</summary>
    PathSegment,
}
