using NodeIpam.Simulator.Serving;

return await ServeCommand.RunAsync(args);
