namespace NodeIpam.Operator.Cli;

/// <summary>
/// Options in the order given, parsed the way kubectl users expect: <c>--name value</c>, <c>--name=value</c>,
/// <c>-n value</c>, <c>-n=value</c>, and flags without a value or with <c>=true</c>/<c>=false</c>. Anything else is a
/// <see cref="UsageException"/>.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly List<(string Name, string? Value)> options = [];

    private ParsedArguments()
    {
    }

    /// <summary>Parses <paramref name="args"/>; option names include their dashes.</summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var parsed = new ParsedArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.StartsWith('-') ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals > 0 ? arg[..equals] : arg;
            if (valueOptions.Contains(name))
            {
                if (equals > 0)
                {
                    parsed.options.Add((name, arg[(equals + 1)..]));
                }
                else if (i + 1 < args.Count)
                {
                    parsed.options.Add((name, args[++i]));
                }
                else
                {
                    throw new UsageException($"option {name} needs a value");
                }
            }
            else if (flags.Contains(name))
            {
                var value = equals > 0 ? arg[(equals + 1)..] : null;
                if (value is not null && !bool.TryParse(value, out _))
                {
                    throw new UsageException($"{name} takes true or false, not \"{value}\"");
                }

                parsed.options.Add((name, value));
            }
            else
            {
                throw new UsageException(arg.StartsWith('-') ? $"unknown option {name}" : $"unexpected argument \"{arg}\"");
            }
        }

        return parsed;
    }

    /// <summary>Whether any of the names was given (a flag given as <c>--flag=false</c> counts too: see <see cref="Flag"/>).</summary>
    public bool Has(params string[] names) => options.Any(o => names.Contains(o.Name));

    /// <summary>
    /// A boolean flag: <c>--flag</c> and <c>--flag=true</c> are true, <c>--flag=false</c> false (the last one wins),
    /// <paramref name="absent"/> when not given (<see cref="Parse"/> refuses any other value).
    /// </summary>
    public bool Flag(string name, bool absent = false) =>
        options.LastOrDefault(o => o.Name == name) is ({ }, var value) ? value is null || bool.Parse(value) : absent;

    /// <summary>Every value given for any of the names, in order.</summary>
    public IReadOnlyList<string> All(params string[] names) => [.. options.Where(o => names.Contains(o.Name)).Select(o => o.Value!)];

    /// <summary>The value given for any of the names (the last one wins, as in kubectl); null when absent.</summary>
    public string? Last(params string[] names) => All(names) is { Count: > 0 } values ? values[^1] : null;
}
