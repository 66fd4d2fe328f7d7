using System.Runtime.InteropServices;
using NodeIpam.Operator.Cli;
using NodeIpam.Playground;

var command = PlaygroundOptions.Build(async (options, _) =>
{
    // Ctrl+C, and SIGTERM as sent by kill, timeout, a process manager or a container stop: the same clean stop
    // (the operator's host stopped, the simulator disposed, exit code 0).
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });
    return await new Playground(options, Console.Out, TimeProvider.System).RunAsync(stop.Token);
});
return await CliInvocation.InvokeAsync(command, args, Console.Out, Console.Error, CancellationToken.None);
