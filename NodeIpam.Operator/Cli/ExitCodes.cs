namespace NodeIpam.Operator.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The input could not be read or the command failed; the one-line reason is on standard error.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (unknown command or option, missing value).</summary>
    public const int Usage = 2;
}
