using System.CommandLine;
using NodeIpam.Operator.Cli;

namespace NodeIpam.Playground;

/// <summary>The playground's command line: <c>[--once] [--samples DIR] [--port N]</c>.</summary>
internal sealed record PlaygroundOptions
{
    /// <summary>Where the demo's objects come from: the same samples a user applies to a real cluster, plus playground nodes.</summary>
    public const string DefaultSamples = "config/samples";

    /// <summary>Kubeconfig and state of a demo run; ignored by git.</summary>
    public const string StateDirectory = ".demo";

    /// <summary>The promise for the smoke test: settled within a minute, or a non-zero exit.</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Exit 0 once every Service has settled (1 if not within <see cref="SettleTimeout"/>).</summary>
    public bool Once { get; init; }

    /// <summary>The folder the simulator is seeded from.</summary>
    public string Samples { get; init; } = DefaultSamples;

    /// <summary>The simulator's port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The command line; <paramref name="run"/> runs when it is right and help was not asked for.</summary>
    public static Command Build(Func<PlaygroundOptions, CancellationToken, Task<int>> run)
    {
        var once = CliValues.Flag("--once", "exit 0 as soon as every Service has settled, 1 if they have not within a minute");
        var samples = new Option<string>("--samples") { HelpName = "DIR", Description = "objects to seed the simulator with", DefaultValueFactory = _ => DefaultSamples };
        var port = new Option<int>("--port") { HelpName = "N", Description = "the simulator's port on 127.0.0.1; 0 picks a free one", CustomParser = CliValues.Port };
        var root = CliInvocation.Root(
            "NodeIpam.Playground",
            "Starts the in-process Kubernetes API simulator seeded from DIR, runs the operator against it and prints the Services as their addresses settle. Then it keeps running and reacting, with a kubeconfig for kubectl, until Ctrl+C or SIGTERM.");
        root.Add(once);
        root.Add(samples);
        root.Add(port);
        root.SetAction((result, cancellationToken) => run(
            new PlaygroundOptions { Once = result.GetValue(once), Samples = result.GetRequiredValue(samples), Port = result.GetValue(port) },
            cancellationToken));
        return root;
    }

    /// <summary>Parses the arguments; a wrong command line is a <see cref="UsageException"/> with a one-line reason.</summary>
    public static PlaygroundOptions Parse(IReadOnlyList<string> args)
    {
        PlaygroundOptions? parsed = null;
        var (result, line) = CliInvocation.Parse(
            Build((options, _) =>
            {
                parsed = options;
                return Task.FromResult(0);
            }),
            args);
        if (CliInvocation.UsageError(result, line) is { } error)
        {
            throw new UsageException(error);
        }

        result.Invoke(new InvocationConfiguration { Output = TextWriter.Null, EnableDefaultExceptionHandler = false });
        return parsed ?? throw new UsageException("help was asked for");
    }
}
