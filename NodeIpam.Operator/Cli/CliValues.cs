using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NodeIpam.Operator.Cli;

/// <summary>Value parsers for options, with one-line messages that name the flag (System.CommandLine's name the type).</summary>
internal static class CliValues
{
    /// <summary>
    /// A boolean flag as pflag (kubectl) takes it: <c>--flag</c>, <c>--flag=true</c>, <c>--flag=false</c>, the last one
    /// given wins. <see cref="CliInvocation.Parse"/> turns a bare <c>--flag</c> into <c>--flag=true</c> so that every
    /// occurrence leaves a token in order.
    /// </summary>
    public static Option<bool> Flag(string name, string description, bool defaultValue = false, params string[] aliases)
    {
        var option = new Option<bool>(name, aliases)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result => result.Tokens.Count == 0 || bool.Parse(result.Tokens[^1].Value),
        };
        if (defaultValue)
        {
            option.DefaultValueFactory = _ => true;
        }

        return option;
    }

    /// <summary>A duration as Kubernetes flags take them (<see cref="GoDuration"/>), e.g. <c>--not-ready-grace 2m</c>.</summary>
    public static TimeSpan Duration(ArgumentResult result)
    {
        try
        {
            return GoDuration.Parse(FlagOf(result), result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty);
        }
        catch (UsageException e)
        {
            result.AddError(e.Message);
            return TimeSpan.Zero;
        }
    }

    /// <summary>A whole number (digits only), e.g. <c>--workers 4</c>.</summary>
    public static int WholeNumber(ArgumentResult result) => Number(result, minimum: 0, "a whole number");

    /// <summary>A whole number of at least 1, e.g. <c>--nodes 500</c>.</summary>
    public static int PositiveNumber(ArgumentResult result) => Number(result, minimum: 1, "a positive whole number");

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Func<ArgumentResult, int> AtLeast(int minimum) =>
        result => Number(result, minimum, $"a whole number of at least {minimum}");

    /// <summary>A port number (0 picks a free one).</summary>
    public static int Port(ArgumentResult result)
    {
        var port = Number(result, minimum: 0, "a port number");
        if (port > 65_535)
        {
            result.AddError($"{FlagOf(result)} takes a port number, not \"{port}\"");
        }

        return port;
    }

    /// <summary>The flag a value belongs to, for messages.</summary>
    public static string FlagOf(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.IdentifierToken?.Value ?? option.Option.Name : result.Argument.Name;

    private static int Number(ArgumentResult result, int minimum, string what)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        result.AddError($"{FlagOf(result)} takes {what}, not \"{text}\"");
        return 0;
    }
}
