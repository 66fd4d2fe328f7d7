using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodeIpam.Operator.Domain;
using NodeIpam.Operator.Hosting;
using NodeIpam.Simulator;
using NodeIpam.Simulator.Serving;

namespace NodeIpam.Playground;

/// <summary>
/// The playground: the simulator seeded from the samples, the real operator (the same host <c>run</c> builds)
/// against it, and a live view of the Services. Returns the process exit code.
/// </summary>
internal sealed class Playground(PlaygroundOptions options, TextWriter output, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Samples))
        {
            await output.WriteLineAsync($"error: samples folder \"{options.Samples}\" not found (run from the repository root)");
            return 1;
        }

        await using var simulator = await KubeApiSimulator.StartAsync(new SimulatorOptions { Port = options.Port }, cancellationToken);
        var loaded = SeedLoader.Load(simulator.Store, [options.Samples], output);
        Directory.CreateDirectory(PlaygroundOptions.StateDirectory);
        var kubeconfig = Path.GetFullPath(Path.Combine(PlaygroundOptions.StateDirectory, "kubeconfig"));
        simulator.WriteKubeconfig(kubeconfig);
        await output.WriteLineAsync($"API simulator on {simulator.BaseAddress} with {loaded} objects from {options.Samples}/; starting the operator.");

        var run = new RunOptions { HealthProbeBindAddress = "127.0.0.1:0", MetricsBindAddress = "127.0.0.1:0" };
        using var host = OperatorHost.Build(
            run,
            run.ToSettings(simulator.ClientConfiguration()),
            logging => logging.AddOperatorConsole(json: false, minimum: LogLevel.Warning));
        await host.StartAsync(cancellationToken);
        try
        {
            // Whatever stops the operator's host (its console lifetime also listens to SIGTERM and Ctrl+C) ends the
            // playground too, rather than leaving it watching a stopped operator.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
                cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            return await WatchAsync(simulator, kubeconfig, stopping.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private async Task<int> WatchAsync(KubeApiSimulator simulator, string kubeconfig, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        var settledOnce = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var rows = Snapshot(simulator);
            foreach (var row in rows.Where(r => !shown.TryGetValue(r.Key, out var before) || before != r.ExternalIp))
            {
                shown[row.Key] = row.ExternalIp;
                await output.WriteLineAsync($"[{time.GetElapsedTime(started).TotalSeconds,5:0.0}s] {row.Key}: {row.ExternalIp}");
            }

            if (!settledOnce && rows.All(r => r.Settled))
            {
                settledOnce = true;
                await output.WriteLineAsync();
                await output.WriteAsync(ServiceTable.Render(rows));
                if (options.Once)
                {
                    await output.WriteLineAsync("\nAll Services settled.");
                    return 0;
                }

                await output.WriteLineAsync(Hints.Text(kubeconfig));
            }
            else if (!settledOnce && time.GetElapsedTime(started) > PlaygroundOptions.SettleTimeout)
            {
                await output.WriteLineAsync($"\nNot settled after {PlaygroundOptions.SettleTimeout.TotalSeconds:0} s:");
                await output.WriteAsync(ServiceTable.Render(rows));
                await output.WriteLineAsync(string.Join('\n', rows.Where(r => !r.Settled).Select(r =>
                    $"  {r.Key}: expected {string.Join(',', r.Expected)}, status has {r.ExternalIp}")));
                return 1;
            }

            try
            {
                await Task.Delay(PollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await output.WriteLineAsync("\nStopped.");
        return 0;
    }

    private static IReadOnlyList<ServiceRow> Snapshot(KubeApiSimulator simulator) =>
        SettleCheck.Rows(
            simulator.Store.List<V1Service>(),
            simulator.Store.List<V1Node>(),
            simulator.Store.List<V1EndpointSlice>(),
            simulator.Store.List<Eventsv1Event>(),
            ManagementOptions.Default);
}
