using NodeIpam.Operator.Cli;
using NodeIpam.Playground;

var command = PlaygroundOptions.Build(async (options, _) =>
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await new Playground(options, Console.Out, TimeProvider.System).RunAsync(stop.Token);
});
return await CliInvocation.InvokeAsync(command, args, Console.Out, Console.Error, CancellationToken.None);
