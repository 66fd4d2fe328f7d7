namespace NodeIpam.Simulator.Auth;

/// <summary>Who a bearer token stands for: a user name and its groups.</summary>
internal sealed record Identity(string User, IReadOnlyList<string> Groups)
{
    /// <summary>The cluster admin (group system:masters), which every check lets through.</summary>
    public static Identity Admin { get; } = new("kubernetes-admin", ["system:masters", "system:authenticated"]);

    public bool IsAdmin => Groups.Contains("system:masters");

    public static Identity ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"]);
}
