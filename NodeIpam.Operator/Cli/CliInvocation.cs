using System.CommandLine;
using System.CommandLine.Help;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// Runs a System.CommandLine command tree the way every program of the repository promises: <c>--help</c> prints the
/// help to standard output (exit 0); a wrong command line is ONE line on standard error and exit code 2, never
/// System.CommandLine's multi-line help dump (exit 1). The operator, the playground and the benchmarks use it; the
/// simulator keeps its own copy so that its code stays independent of the operator's.
/// </summary>
internal static class CliInvocation
{
    /// <summary>
    /// A root command named <paramref name="name"/> (not the executable's name, which is "testhost" in tests or
    /// "dotnet" for a framework-dependent launch) with <c>-h, --help</c>.
    /// </summary>
    public static Command Root(string name, string description) => new(name, description) { new HelpOption() };

    /// <summary>
    /// Parses <paramref name="args"/>, with every bare boolean flag of the chosen command written as <c>--flag=true</c>
    /// (see <see cref="CliValues.Flag"/>); returns the result and the arguments it was parsed from.
    /// </summary>
    public static (ParseResult Result, string[] Args) Parse(Command root, IReadOnlyList<string> args)
    {
        var first = root.Parse(args);
        var flags = BooleanFlags(first);
        string[] normalized = [.. args.Select(a => flags.Contains(a) ? $"{a}=true" : a)];
        return (normalized.SequenceEqual(args) ? first : root.Parse(normalized), normalized);
    }

    /// <summary>What is wrong with the command line <paramref name="args"/> parsed into <paramref name="result"/>, in one clause; null when it is right.</summary>
    public static string? UsageError(ParseResult result, IReadOnlyList<string> args) =>
        result.Action is { ClearsParseErrors: true }
            ? null // --help wins over anything else on the line, as in kubectl.
            : BadBoolean(result, args) ?? FirstError(result);

    /// <summary>The line printed for a usage error: the clause and where to find the usage.</summary>
    public static string UsageLine(Command command, string message) =>
        command.Parents.Any()
            ? $"error: {message} (run \"{command.Name} --help\" for usage)"
            : $"error: {message} (run with --help to list the commands)";

    /// <summary>
    /// Parses and runs: the usage error (exit 2), or the command's action with help and output on the given writers.
    /// Termination signals are left to the command (the operator's host drains and releases its lease on SIGTERM).
    /// </summary>
    public static async Task<int> InvokeAsync(Command root, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (result, parsed) = Parse(root, args);
        if (UsageError(result, parsed) is { } usage)
        {
            await error.WriteLineAsync(UsageLine(result.CommandResult.Command, usage));
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await result.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>A boolean flag given as <c>--flag=VALUE</c> takes true or false only.</summary>
    /// <remarks>
    /// System.CommandLine splits <c>--flag=yes</c> into the flag and a separate "yes", which a positional argument
    /// would then silently take; pflag (kubectl) rejects it, and so do we.
    /// </remarks>
    private static string? BadBoolean(ParseResult result, IReadOnlyList<string> args)
    {
        var flags = BooleanFlags(result);
        foreach (var arg in args)
        {
            var equals = arg.StartsWith('-') ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            if (equals > 0 && flags.Contains(arg[..equals]) && !bool.TryParse(arg[(equals + 1)..], out _))
            {
                return $"{arg[..equals]} takes true or false, not \"{arg[(equals + 1)..]}\"";
            }
        }

        return null;
    }

    private static HashSet<string> BooleanFlags(ParseResult result) =>
        result.CommandResult.Command.Options.OfType<Option<bool>>().SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);

    private static string? FirstError(ParseResult result)
    {
        var command = result.CommandResult.Command;
        if (result.Errors.Count > 0 && result.UnmatchedTokens is [var token, ..])
        {
            return token.StartsWith('-') && token != "-" ? $"unknown option {token}"
                : command.Parents.Any() ? $"unexpected argument \"{token}\""
                : $"unknown command \"{token}\"";
        }

        if (result.Errors.Count == 0)
        {
            return null;
        }

        // System.CommandLine's messages are sentences ("Required argument missing for option: '-f'."); ours are clauses.
        var text = string.Join(' ', result.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        return text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
