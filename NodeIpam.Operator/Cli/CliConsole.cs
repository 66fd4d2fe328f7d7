namespace NodeIpam.Operator.Cli;

/// <summary>The standard streams a command uses, so tests can run commands in-process.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: errors and usage.</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's own streams.</summary>
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);

    /// <summary>The clock (plan's default --now); tests may fix it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
