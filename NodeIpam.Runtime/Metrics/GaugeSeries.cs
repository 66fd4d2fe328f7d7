namespace NodeIpam.Runtime.Metrics;

/// <summary>One series of a <see cref="Gauge"/>. Thread-safe and lock-free.</summary>
public sealed class GaugeSeries
{
    private double _value;

    internal GaugeSeries()
    {
    }

    /// <summary>The current value.</summary>
    public double Value => Volatile.Read(ref _value);

    /// <summary>Replaces the value.</summary>
    public void Set(double value) => Volatile.Write(ref _value, value);

    /// <summary>Adds <paramref name="amount"/> (may be negative).</summary>
    public void Inc(double amount = 1) => AtomicDouble.Add(ref _value, amount);

    /// <summary>Subtracts <paramref name="amount"/>.</summary>
    public void Dec(double amount = 1) => AtomicDouble.Add(ref _value, -amount);
}
