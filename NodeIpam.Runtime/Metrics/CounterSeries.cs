namespace NodeIpam.Runtime.Metrics;

/// <summary>One series of a <see cref="Counter"/>. Thread-safe and lock-free.</summary>
public sealed class CounterSeries
{
    private double _value;

    internal CounterSeries()
    {
    }

    /// <summary>The current value.</summary>
    public double Value => Volatile.Read(ref _value);

    /// <summary>Adds <paramref name="amount"/>, which must be zero or positive (a counter never goes down).</summary>
    public void Inc(double amount = 1)
    {
        if (!(amount >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A counter only goes up.");
        }

        AtomicDouble.Add(ref _value, amount);
    }
}
