namespace NodeIpam.Simulator.Tables;

/// <summary>A Table column definition; priority 1 columns show only with -o wide.</summary>
internal sealed record Column(string Name, string Description, int Priority = 0, string Type = "string", string Format = "");
