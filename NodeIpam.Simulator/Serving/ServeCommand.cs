namespace NodeIpam.Simulator.Serving;

/// <summary>Runs the simulator as a process until Ctrl-C or SIGTERM.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (arguments, error) = ServeArguments.Parse(args);
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        await using var simulator = await KubeApiSimulator.StartAsync(new SimulatorOptions { Port = arguments.Port, LogRequests = arguments.LogRequests });
        var loaded = SeedLoader.Load(simulator.Store, arguments.Seeds, Console.Error);
        if (arguments.KubeconfigOut is { } path)
        {
            simulator.WriteKubeconfig(path);
            Console.WriteLine($"kubeconfig: {Path.GetFullPath(path)}");
        }

        Console.WriteLine($"serving {simulator.BaseAddress} ({loaded} seeded objects); Ctrl-C to stop");
        using var stop = new CancellationTokenSource();
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
