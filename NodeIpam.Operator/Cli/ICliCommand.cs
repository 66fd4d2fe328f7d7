namespace NodeIpam.Operator.Cli;

/// <summary>A subcommand of the NodeIpam.Operator executable (plan, and later run and generate).</summary>
internal interface ICliCommand
{
    /// <summary>The word that selects it, e.g. <c>plan</c>.</summary>
    string Name { get; }

    /// <summary>One line for the top-level help.</summary>
    string Summary { get; }

    /// <summary>Runs with the arguments after the command name; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken);
}
