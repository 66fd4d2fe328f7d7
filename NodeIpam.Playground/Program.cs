using NodeIpam.Playground;

PlaygroundOptions options;
try
{
    options = PlaygroundOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{PlaygroundOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await new Playground(options, Console.Out, TimeProvider.System).RunAsync(stop.Token);
