namespace NodeIpam.Runtime.Metrics;

/// <summary>Lock-free add and set on a double field, for the hot path of counters, gauges and histogram sums.</summary>
internal static class AtomicDouble
{
    public static void Add(ref double location, double amount)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var observed = Interlocked.CompareExchange(ref location, current + amount, current);
            if (observed.Equals(current))
            {
                return;
            }

            current = observed;
        }
    }
}
