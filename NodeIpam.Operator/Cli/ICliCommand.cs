using System.CommandLine;

namespace NodeIpam.Operator.Cli;

/// <summary>A subcommand of the NodeIpam.Operator executable (run, plan, generate).</summary>
internal interface ICliCommand
{
    /// <summary>The System.CommandLine definition, its action writing to <paramref name="console"/>.</summary>
    Command Build(CliConsole console);
}
