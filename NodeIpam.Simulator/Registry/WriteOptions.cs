namespace NodeIpam.Simulator.Registry;

/// <summary>Options of one write.</summary>
/// <param name="DryRun">dryRun=All: validate and default, answer the result, store nothing.</param>
/// <param name="KeepStatus">Seeding: keep the status given on create and write it on update.</param>
internal sealed record WriteOptions(bool DryRun = false, bool KeepStatus = false)
{
    public static WriteOptions Default { get; } = new();
}
