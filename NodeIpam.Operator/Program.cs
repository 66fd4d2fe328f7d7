using NodeIpam.Operator.Cli;

return await CommandLine.RunAsync(args, CliConsole.System, CancellationToken.None);
