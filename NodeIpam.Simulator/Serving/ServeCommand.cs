using System.CommandLine;

namespace NodeIpam.Simulator.Serving;

/// <summary>Runs the simulator as a process until Ctrl-C or SIGTERM.</summary>
internal static class ServeCommand
{
    /// <summary>Parses the command line and serves; a wrong command line is one line on standard error and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var result = ServeArguments.Build(ServeAsync).Parse(args);
        if (ServeArguments.Error(result) is { } error)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        // Signals are handled below, so that Ctrl-C and SIGTERM both end in a clean stop and exit code 0.
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
    }

    private static async Task<int> ServeAsync(ServeArguments arguments, CancellationToken cancellationToken)
    {
        await using var simulator = await KubeApiSimulator.StartAsync(new SimulatorOptions { Port = arguments.Port, LogRequests = arguments.LogRequests, Tls = arguments.Tls }, cancellationToken);
        var loaded = SeedLoader.Load(simulator.Store, arguments.Seeds, Console.Error);
        if (arguments.KubeconfigOut is { } path)
        {
            simulator.WriteKubeconfig(path);
            Console.WriteLine($"kubeconfig: {Path.GetFullPath(path)}");
        }

        Console.WriteLine($"serving {simulator.BaseAddress} ({loaded} seeded objects); Ctrl-C to stop");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop serving.
        }

        return 0;
    }
}
