namespace NodeIpam.Operator.Cli;

/// <summary>
/// The executable's entry point: picks the subcommand by its first argument. To add a subcommand, implement
/// <see cref="ICliCommand"/> in its own file and list it in <see cref="Commands"/>.
/// </summary>
internal static class CommandLine
{
    /// <summary>The subcommands, in help order.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } = [new RunCommand(), new PlanCommand(), new GenerateCommand()];

    /// <summary>Runs the command line and returns the exit code. Never throws for bad arguments or input.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await WriteUsageAsync(args.Count == 0 ? console.Error : console.Out);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await console.Error.WriteLineAsync($"error: unknown command \"{args[0]}\" (run with --help to list the commands)");
            return ExitCodes.Usage;
        }

        try
        {
            return await command.RunAsync([.. args.Skip(1)], console, cancellationToken);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message} (run \"{command.Name} --help\" for usage)");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("Usage: NodeIpam.Operator <command> [options]");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("Commands:");
        foreach (var command in Commands)
        {
            await writer.WriteLineAsync($"  {command.Name,-12}{command.Summary}");
        }
    }
}
