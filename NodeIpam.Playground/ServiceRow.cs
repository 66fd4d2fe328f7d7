namespace NodeIpam.Playground;

/// <summary>One Service as the playground shows it: what the operator should advertise, what the status says.</summary>
internal sealed record ServiceRow(
    string Key,
    bool Managed,
    string Policy,
    string Selector,
    IReadOnlyList<string> Expected,
    IReadOnlyList<string> Actual,
    string Note,
    bool Settled)
{
    /// <summary>The EXTERNAL-IP column as kubectl prints it.</summary>
    public string ExternalIp => Actual.Count == 0 ? (Managed ? "<pending>" : "<none>") : string.Join(',', Actual);
}
