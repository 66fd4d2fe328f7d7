using System.Globalization;

namespace NodeIpam.Simulator.Serving;

/// <summary>Parsed <c>serve [--port N] [--seed DIR_OR_FILE ...] [--kubeconfig-out PATH]</c> arguments.</summary>
internal sealed record ServeArguments(int Port, IReadOnlyList<string> Seeds, string? KubeconfigOut, bool LogRequests)
{
    public const string Usage = "usage: NodeIpam.Simulator serve [--port N] [--seed DIR_OR_FILE ...] [--kubeconfig-out PATH] [--log-requests]";

    /// <summary>The parsed arguments, or an error message.</summary>
    public static (ServeArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "serve")
        {
            return (null, Usage);
        }

        var port = 0;
        var seeds = new List<string>();
        string? kubeconfig = null;
        var log = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
                    i++;
                    break;
                case "--seed" when i + 1 < args.Count:
                    seeds.Add(args[++i]);
                    break;
                case "--kubeconfig-out" when i + 1 < args.Count:
                    kubeconfig = args[++i];
                    break;
                case "--log-requests":
                    log = true;
                    break;
                default:
                    return (null, $"unexpected argument '{args[i]}'\n{Usage}");
            }
        }

        return (new ServeArguments(port, seeds, kubeconfig, log), null);
    }
}
