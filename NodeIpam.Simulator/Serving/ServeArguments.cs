using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NodeIpam.Simulator.Serving;

/// <summary>
/// Parsed <c>serve [--port N] [--seed DIR_OR_FILE ...] [--kubeconfig-out PATH] [--log-requests] [--tls]</c> arguments, and
/// their System.CommandLine definition. The simulator keeps its own (small) command-line code rather than the
/// operator's: it is the referee of the operator's tests and shares none of its code.
/// </summary>
internal sealed record ServeArguments(int Port, IReadOnlyList<string> Seeds, string? KubeconfigOut, bool LogRequests, bool Tls = false)
{
    /// <summary>The command tree; <paramref name="serve"/> runs when the command line is right and help was not asked for.</summary>
    public static Command Build(Func<ServeArguments, CancellationToken, Task<int>> serve)
    {
        var port = new Option<int>("--port") { HelpName = "N", Description = "port on 127.0.0.1; 0 picks a free one", CustomParser = ParsePort };
        var seeds = new Option<string[]>("--seed") { HelpName = "DIR_OR_FILE", Description = "YAML/JSON objects to create at start (repeatable)" };
        var kubeconfig = new Option<string?>("--kubeconfig-out") { HelpName = "PATH", Description = "write a kubeconfig for kubectl there" };
        var log = new Option<bool>("--log-requests") { Description = "print every request on standard error" };
        var tls = new Option<bool>("--tls") { Description = "serve HTTPS (HTTP/2 and HTTP/1.1) with a self-signed certificate made at start; the kubeconfig trusts it" };
        var command = new Command("serve", "Serve the Kubernetes API simulator on 127.0.0.1 until Ctrl-C or SIGTERM.") { port, seeds, kubeconfig, log, tls };
        command.SetAction((result, cancellationToken) => serve(
            new ServeArguments(result.GetValue(port), result.GetValue(seeds) ?? [], result.GetValue(kubeconfig), result.GetValue(log), result.GetValue(tls)),
            cancellationToken));
        return new Command("NodeIpam.Simulator", "An in-process Kubernetes API server for tests and the playground.") { new HelpOption(), command };
    }

    /// <summary>The parsed arguments, or a one-line error message.</summary>
    public static (ServeArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        ServeArguments? parsed = null;
        var result = Build((a, _) =>
        {
            parsed = a;
            return Task.FromResult(0);
        }).Parse(args);
        if (Error(result) is { } error)
        {
            return (null, error);
        }

        result.Invoke(new InvocationConfiguration { Output = TextWriter.Null, EnableDefaultExceptionHandler = false });
        return (parsed, null);
    }

    /// <summary>The one-line usage error of a parsed command line; null when it is right or asks for help.</summary>
    public static string? Error(ParseResult result)
    {
        if (result.Action is { ClearsParseErrors: true } || result.Errors.Count == 0)
        {
            return null;
        }

        var message = result.UnmatchedTokens.Count > 0 ? $"unexpected argument '{result.UnmatchedTokens[0]}'" : result.Errors[0].Message.ReplaceLineEndings(" ");
        return $"error: {message} (usage: NodeIpam.Simulator serve --help)";
    }

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65_535)
        {
            return port;
        }

        result.AddError($"--port takes a port number, not \"{text}\"");
        return 0;
    }
}
