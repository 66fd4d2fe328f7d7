using System.Globalization;

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

    public const string Usage = """
        Usage: NodeIpam.Playground [--once] [--samples DIR] [--port N]

        Starts the in-process Kubernetes API simulator seeded from DIR (default config/samples), runs the operator
        against it and prints the Services as their addresses settle. Then it keeps running and reacting, with a
        kubeconfig for kubectl, until Ctrl+C. With --once it exits 0 as soon as every Service has settled, 1 if
        they have not within a minute.
        """;

    public bool Once { get; init; }

    public string Samples { get; init; } = DefaultSamples;

    /// <summary>The simulator's port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static PlaygroundOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PlaygroundOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--once" => options with { Once = true },
                "--samples" when i + 1 < args.Count => options with { Samples = args[++i] },
                "--port" when i + 1 < args.Count => options with { Port = ParsePort(args[++i]) },
                _ => throw new ArgumentException($"unexpected argument \"{args[i]}\""),
            };
        }

        return options;
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"--port takes a port number, not \"{text}\"");
}
