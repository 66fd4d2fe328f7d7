using System.Globalization;
using System.Text.RegularExpressions;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// Durations as Kubernetes flags take them (Go's time.ParseDuration): decimal numbers with a unit each, such as
/// <c>40s</c>, <c>2m</c>, <c>1h30m</c>, <c>1.5h</c>, <c>300ms</c>; units ns, us (µs), ms, s, m, h; <c>0</c> alone.
/// Negative values are refused (no duration flag of ours means one).
/// </summary>
internal static partial class GoDuration
{
    /// <summary>Parses <paramref name="text"/>; a wrong value is a <see cref="UsageException"/> naming <paramref name="flag"/>.</summary>
    public static TimeSpan Parse(string flag, string text)
    {
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new UsageException($"{flag} takes a duration such as 40s, 2m or 1h30m, not \"{text}\"");
        }

        decimal ticks = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitStart = part.Value.IndexOfAny(['n', 'u', 'µ', 'm', 's', 'h']);
            var number = decimal.Parse(part.Value[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            ticks += number * part.Value[unitStart..] switch
            {
                "ns" => 0.01m,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                throw new UsageException($"{flag}: the duration \"{text}\" is too long");
            }
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    [GeneratedRegex(@"^(?<part>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
