using System.CommandLine;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// The executable's entry point (System.CommandLine): <c>run</c>, <c>plan</c>, <c>generate</c>. To add a subcommand,
/// implement <see cref="ICliCommand"/> in its own file and list it in <see cref="Commands"/>.
/// </summary>
internal static class CommandLine
{
    /// <summary>The subcommands, in help order.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } = [new RunCommand(), new PlanCommand(), new GenerateCommand()];

    /// <summary>The command tree, its actions writing to <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var root = CliInvocation.Root("NodeIpam.Operator", "Node IPAM LoadBalancer operator: gives LoadBalancer Services the addresses of the cluster's nodes.");
        foreach (var command in Commands)
        {
            root.Add(command.Build(console));
        }

        return root;
    }

    /// <summary>Runs the command line and returns the exit code. Never throws for bad arguments or input.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = Build(console);
        try
        {
            return await CliInvocation.InvokeAsync(root, args, console.Out, console.Error, cancellationToken);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync(CliInvocation.UsageLine(CliInvocation.Parse(root, args).Result.CommandResult.Command, e.Message));
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Parses the arguments of one subcommand for tests and callers that only want the options: the usage error is a
    /// <see cref="UsageException"/> with the one-line message.
    /// </summary>
    public static ParseResult ParseOrThrow(Command command, IReadOnlyList<string> args)
    {
        var root = CliInvocation.Root("NodeIpam.Operator", string.Empty);
        root.Add(command);
        var (result, line) = CliInvocation.Parse(root, [command.Name, .. args]);
        return CliInvocation.UsageError(result, line) is { } error ? throw new UsageException(error) : result;
    }
}
