namespace NodeIpam.Runtime.Rbac;

/// <summary>Kubernetes RBAC verbs, combinable; <c>All</c> is deliberately absent (no wildcards).</summary>
[Flags]
public enum RbacVerb
{
    None = 0,
    Get = 1,
    List = 2,
    Watch = 4,
    Create = 8,
    Update = 16,
    Patch = 32,
    Delete = 64,
}
